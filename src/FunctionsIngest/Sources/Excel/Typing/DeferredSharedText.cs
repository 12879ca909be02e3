using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Shared-string cells of plain text columns, appended to a batch as placeholders by the thread that fills it and
/// given their text by the thread that takes it. Decoding and allocating a string per cell then leaves the filling
/// thread, which bounds how fast a single pass goes. Holds, per batch column, each row's shared index + 1 (0: none).
/// </summary>
internal sealed class DeferredSharedText
{
    private readonly int[]?[] _pending;
    private readonly int _capacity;
    private bool _any;

    public DeferredSharedText(int columns, int capacity)
    {
        _pending = new int[columns][];
        _capacity = capacity;
    }

    /// <summary>Appends a placeholder to <paramref name="vector"/> (batch column <paramref name="column"/>) for shared string <paramref name="sharedIndex"/> (1-based).</summary>
    public void Append(StringVector vector, int column, int sharedIndex)
    {
        var rows = _pending[column] ??= new int[_capacity];
        rows[vector.Count] = sharedIndex;
        vector.AppendUnset();
        _any = true;
    }

    /// <summary>Puts each placeholder's text into <paramref name="batch"/> and forgets them.</summary>
    public void Resolve(RecordBatch batch, Func<int, string> sharedString)
    {
        if (!_any)
            return;
        for (int column = 0; column < _pending.Length; column++)
        {
            if (_pending[column] is not { } rows)
                continue;
            var values = ((StringVector)batch.Columns[column]).Values;
            int count = batch.RowCount;
            for (int row = 0; row < count; row++)
            {
                if (rows[row] == 0)
                    continue;
                values[row] = sharedString(rows[row]);
                rows[row] = 0;
            }
        }
        _any = false;
    }
}
