using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>
/// One input batch on its way through the steps: the current columns (steps replace, add and reorder them), and per
/// row whether it is still alive, filtered out, or quarantined with a reason.
/// </summary>
internal sealed class WorkBatch
{
    public const byte Alive = 0;
    public const byte Filtered = 1;
    public const byte Quarantined = 2;

    private byte[] _state = [];
    private string?[] _reasons = [];
    private string?[] _origins = [];
    private long[] _sourceRows = [];
    private int[] _sourceSheets = [];

    public WorkBatch(TransformContext context) => Context = context;

    public TransformContext Context { get; }

    public int RowCount { get; private set; }

    /// <summary>Capacity for vectors created by steps (at least <see cref="RowCount"/>).</summary>
    public int Capacity { get; private set; }

    public List<ColumnVector> Columns { get; } = [];

    public ReadOnlySpan<byte> State => _state.AsSpan(0, RowCount);

    public ReadOnlySpan<long> SourceRows => _sourceRows.AsSpan(0, RowCount);

    /// <summary>
    /// Starts on <paramref name="input"/>. Without <paramref name="sourceRows"/> rows are numbered from
    /// <paramref name="firstRow"/>; without <paramref name="sourceSheets"/> every row is from sheet 0.
    /// </summary>
    public void Reset(RecordBatch input, ReadOnlySpan<long> sourceRows, ReadOnlySpan<int> sourceSheets, long firstRow)
    {
        RowCount = input.RowCount;
        Capacity = Math.Max(input.Capacity, RowCount);
        if (_state.Length < RowCount)
        {
            _state = new byte[Capacity];
            _reasons = new string?[Capacity];
            _origins = new string?[Capacity];
            _sourceRows = new long[Capacity];
            _sourceSheets = new int[Capacity];
        }
        Array.Clear(_state, 0, RowCount);
        Array.Clear(_reasons, 0, RowCount);
        Array.Clear(_origins, 0, RowCount);
        for (int r = 0; r < RowCount; r++)
            _sourceRows[r] = sourceRows.Length == RowCount ? sourceRows[r] : firstRow + r;
        if (sourceSheets.Length == RowCount)
            sourceSheets.CopyTo(_sourceSheets);
        else
            Array.Clear(_sourceSheets, 0, RowCount);
        Columns.Clear();
        Columns.AddRange(input.Columns);
    }

    public bool IsAlive(int row) => _state[row] == Alive;

    public void Filter(int row) => _state[row] = Filtered;

    /// <summary>Quarantines a live row; <paramref name="origin"/> is the input column at fault (for the cell address).</summary>
    public void Quarantine(int row, string reason, string? origin)
    {
        if (_state[row] != Alive)
            return;
        _state[row] = Quarantined;
        _reasons[row] = reason;
        _origins[row] = origin;
    }

    public string? Reason(int row) => _reasons[row];

    public string? Origin(int row) => _origins[row];

    /// <summary>The index of the sheet the row came from, for <see cref="SheetColumnLetters"/>.</summary>
    public int SourceSheet(int row) => _sourceSheets[row];
}
