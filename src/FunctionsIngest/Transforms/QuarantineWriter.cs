using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Transforms.Engine;

namespace FunctionsIngest.Transforms;

/// <summary>
/// Builds the quarantine batch: each quarantined row's input columns exactly as read, then "_reason" (the first rule
/// it broke), "_source_row", and "_cell" (e.g. "C7": the letter of the column at fault in the row's own sheet) when
/// column letters are known; "_cell" is null when the column at fault was not read from the sheet or that sheet lacks it.
/// </summary>
internal sealed class QuarantineWriter
{
    private readonly SheetColumnLetters? _letters;
    private readonly int _inputCount;
    private RecordBatch? _batch;

    public QuarantineWriter(TableSchema input, SheetColumnLetters? letters)
    {
        _letters = letters;
        _inputCount = input.Count;
        var raw = input.Columns.Select(c => (string?)c.Name).Concat(letters is null ? ["_reason", "_source_row"] : ["_reason", "_source_row", "_cell"]).ToList();
        var names = HeaderNaming.Build(raw); // an input column already named _reason keeps its name; ours becomes _reason_2
        var columns = input.Columns.Select((c, i) => c with { Name = names[i], Nullable = true }).ToList();
        columns.Add(new ColumnSchema(names[_inputCount], ColumnType.String, false));
        columns.Add(new ColumnSchema(names[_inputCount + 1], ColumnType.Int64, false));
        if (letters is not null)
            columns.Add(new ColumnSchema(names[_inputCount + 2], ColumnType.String));
        Schema = new TableSchema(columns);
    }

    public TableSchema Schema { get; }

    public RecordBatch? Write(RecordBatch input, WorkBatch work)
    {
        var state = work.State;
        if (!state.Contains(WorkBatch.Quarantined))
            return null;
        var batch = VectorOps.Ready(ref _batch, Schema, work.Capacity);
        var rows = work.SourceRows;
        for (int r = 0; r < state.Length; r++)
        {
            if (state[r] != WorkBatch.Quarantined)
                continue;
            for (int c = 0; c < _inputCount; c++)
                VectorOps.CopyRow(input.Columns[c], r, batch.Columns[c]);
            ((StringVector)batch.Columns[_inputCount]).Append(work.Reason(r)!);
            ((PrimitiveVector<long>)batch.Columns[_inputCount + 1]).Append(rows[r]);
            if (_letters is null)
                continue;
            var cell = (StringVector)batch.Columns[_inputCount + 2];
            if (work.Origin(r) is { } origin && _letters.Find(work.SourceSheet(r), origin) is { } letter)
                cell.Append(letter + rows[r].ToString(System.Globalization.CultureInfo.InvariantCulture));
            else
                cell.AppendNull();
        }
        return batch;
    }
}
