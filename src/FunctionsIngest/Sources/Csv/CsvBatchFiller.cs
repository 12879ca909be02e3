using System.Runtime.CompilerServices;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>Pass 2: parses records into a batch, converting each field to its column's type (inferred or given).</summary>
internal sealed class CsvBatchFiller : IDisposable
{
    private readonly CsvParser _parser;
    private readonly string _file;
    private readonly TableSchema _schema;
    private readonly TextConverter[] _converters;
    private readonly StringPool[] _pools;
    private readonly CsvRecordObserver? _observer;
    private readonly ValueKind[] _kept;
    private RecordBatch _batch = null!;

    /// <param name="observer">Set in a single pass: every record's shape is profiled and every value checked against its sampled type.</param>
    public CsvBatchFiller(CsvParser parser, string file, TableSchema schema, TextConverter[] converters, CsvRecordObserver? observer = null)
    {
        _observer = observer;
        _kept = converters.Select(c => ValueKinds.KeptBy(c.Type)).ToArray();
        _parser = parser;
        _file = file;
        _schema = schema;
        _converters = converters;
        _pools = converters.Select(_ => new StringPool()).ToArray();
    }

    public CsvParser Parser => _parser;

    public CsvRecordObserver? Observer => _observer;

    /// <summary>Clears <paramref name="batch"/> and fills it with up to its capacity of records; returns the row count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Fill(RecordBatch batch, long[] rowNumbers)
    {
        _batch = batch;
        batch.Clear();
        int rows = 0;
        while (rows < rowNumbers.Length && _parser.ReadRecord())
        {
            AppendRecord(_observer);
            rowNumbers[rows++] = _parser.RecordLine;
        }
        return rows;
    }

    /// <summary>
    /// Converts the record into the batch. In a single pass (<paramref name="observer"/> set) the record's shape is
    /// profiled and every value is checked against the type its sample gave: inferred text columns need no check (a
    /// sample that made a column text can only be confirmed by more values); other inferred columns take each field's
    /// kind from <see cref="TextKindQuick"/>, a kind their type does not keep (<see cref="ValueKinds.KeptBy"/>) ends the
    /// single pass at once, and when it read the value too, that is appended instead of parsing again. So a single pass
    /// that reaches the end has the types the whole file resolves to.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendRecord(CsvRecordObserver? observer)
    {
        int observed = observer?.ObserveShape(_parser) ?? 0;
        var columns = _batch.Columns;
        int fields = Math.Min(_parser.FieldCount, columns.Length);
        for (int i = 0; i < fields; i++)
        {
            var vector = columns[i];
            var text = _parser.Field(i);
            var converter = _converters[i];
            if (converter.Type == ColumnType.String)
            {
                if (text.IsEmpty && !_parser.IsQuoted(i))
                    AppendNull(vector, i);
                else
                    ((StringVector)vector).Append(_pools[i].Get(text));
                continue;
            }
            if (i < observed && !converter.IsOverride && !text.IsEmpty)
            {
                var kind = TextKindQuick.Of(text, observer!.Separator, parseFraction: true, out long bits, out bool hasValue);
                if (kind == ValueKind.None)
                    kind = TextValues.Classify(text, observer.Culture);
                if ((kind & ~_kept[i]) != 0)
                    throw new SpeculationMissedException(SpeculationMissedException.DescribeTypeChange(_schema[i].Name, kind, converter.Type));
                if (hasValue && converter.TryAppendRead(vector, kind, bits))
                    continue;
            }
            AppendConverted(vector, i, text, converter);
        }
        for (int i = fields; i < columns.Length; i++)
            AppendNull(columns[i], i);
    }

    private void AppendConverted(ColumnVector vector, int i, ReadOnlySpan<char> text, TextConverter converter)
    {
        if (TextValues.Trim(text).IsEmpty)
            AppendNull(vector, i);
        else if (!converter.TryAppend(vector, text))
            throw _observer is not null && !converter.IsOverride
                ? new SpeculationMissedException($"column '{_schema[i].Name}' holds a value that is not {converter.Type}")
                : converter.IsOverride
                ? IngestErrors.BadValue(_file, _parser.RecordLine, _schema[i].Name, text.ToString(), converter.Type)
                : IngestErrors.TextSourceChanged(_file, _parser.RecordLine, _schema[i].Name);
    }

    private void AppendNull(ColumnVector vector, int i)
    {
        if (!_schema[i].Nullable)
            throw IngestErrors.MissingRequiredValue(_file, _parser.RecordLine, _schema[i].Name);
        vector.AppendNull();
    }

    public void Dispose() => _parser.Dispose();
}
