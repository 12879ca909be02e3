using System.Runtime.CompilerServices;
using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Pass 1 over a delimited file: the header, the column count, each column's kinds over EVERY record, and short rows.
/// Memory is per column, never per row. Without a header the column count is the widest record's.
/// </summary>
internal sealed class CsvProfile
{
    private ValueKind[] _seen = new ValueKind[16];
    private string?[] _header = [];

    public int ColumnCount { get; private set; }
    public long Rows { get; private set; }
    public long ShortRows { get; private set; }
    public long FirstShortLine { get; private set; }

    public static CsvProfile Scan(CsvParser parser, CsvReadOptions options, CultureInfo culture, string file)
    {
        var profile = new CsvProfile();
        if (options.HasHeader)
            profile.ReadHeader(parser, file);
        profile.ObserveAll(parser, options, culture, file, CancellationToken.None);
        if (profile.ColumnCount == 0)
            throw IngestErrors.NoColumns(file);
        return profile;
    }

    public void ReadHeader(CsvParser parser, string file)
    {
        if (!parser.ReadRecord())
            throw IngestErrors.NoColumns(file);
        _header = new string?[parser.FieldCount];
        for (int i = 0; i < parser.FieldCount; i++)
            _header[i] = parser.Field(i).ToString();
        ColumnCount = parser.FieldCount;
    }

    /// <summary>An empty profile for a later part of the file, with this one's header and column count.</summary>
    public CsvProfile Continuation() => new() { _header = _header, ColumnCount = ColumnCount };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ObserveAll(CsvParser parser, CsvReadOptions options, CultureInfo culture, string file, CancellationToken cancel)
    {
        char separator = TextValues.FastSeparator(culture);
        while (!cancel.IsCancellationRequested && parser.ReadRecord())
            Observe(parser, options, culture, separator, file);
    }

    /// <summary>Adds the profile of the records that follow this one's, whose line 1 is line <paramref name="lineOffset"/> + 1 here.</summary>
    public void Append(CsvProfile next, long lineOffset)
    {
        if (_seen.Length < next._seen.Length)
            Array.Resize(ref _seen, next._seen.Length);
        for (int i = 0; i < next._seen.Length; i++)
            _seen[i] |= next._seen[i];
        ColumnCount = Math.Max(ColumnCount, next.ColumnCount);
        Rows += next.Rows;
        if (ShortRows == 0 && next.ShortRows > 0)
            FirstShortLine = next.FirstShortLine + lineOffset;
        ShortRows += next.ShortRows;
    }

    /// <summary>True when column <paramref name="column"/> held at least one non-empty value.</summary>
    public bool SawValues(int column) => column < _seen.Length && _seen[column] != ValueKind.None;

    /// <summary>Profiles the record the parser is on: checks its field count, counts it if short, adds its kinds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Observe(CsvParser parser, CsvReadOptions options, CultureInfo culture, char separator, string file)
    {
        int fields = ObserveShape(parser, options, file);
        for (int i = 0; i < fields; i++)
        {
            if ((_seen[i] & ValueKind.Text) != 0)
                continue;
            var text = parser.Field(i);
            if (text.IsEmpty)
                continue;
            var kind = TextKindQuick.Of(text, separator);
            _seen[i] |= kind != ValueKind.None ? kind : TextValues.Classify(text, culture);
        }
    }

    /// <summary>Counts the record and checks its field count (counting it if short); returns how many of its fields to profile.</summary>
    public int ObserveShape(CsvParser parser, CsvReadOptions options, string file)
    {
        Rows++;
        int fields = parser.FieldCount;
        if (fields > ColumnCount)
        {
            if (!options.HasHeader)
                ColumnCount = fields;
            else
            {
                for (int i = ColumnCount; i < fields; i++)
                {
                    if (!parser.Field(i).IsEmpty)
                        throw IngestErrors.TooManyFields(file, parser.RecordLine, fields, ColumnCount);
                }
                fields = ColumnCount; // trailing empty fields (a trailing delimiter) are ignored
            }
        }
        if (fields < ColumnCount)
        {
            if (options.HasHeader && !options.AllowShortRows)
                throw IngestErrors.TooFewFields(file, parser.RecordLine, fields, ColumnCount);
            if (ShortRows++ == 0)
                FirstShortLine = parser.RecordLine;
        }
        if (_seen.Length < fields)
            Array.Resize(ref _seen, Math.Max(fields, _seen.Length * 2));
        return fields;
    }

    /// <summary>The schema: header names (or column_N) with inferred types, overrides applied by name.</summary>
    public TableSchema BuildSchema(IReadOnlyList<ColumnOverride>? overrides, string file, out TextConverter[] converters, CultureInfo culture)
    {
        var raw = new string?[ColumnCount];
        Array.Copy(_header, raw, Math.Min(_header.Length, ColumnCount));
        var names = HeaderNaming.Build(raw);
        var columns = new ColumnSchema[ColumnCount];
        converters = new TextConverter[ColumnCount];
        for (int i = 0; i < ColumnCount; i++)
        {
            var type = ValueKinds.Resolve(i < _seen.Length ? _seen[i] : ValueKind.None);
            columns[i] = new ColumnSchema(names[i], type);
            converters[i] = new TextConverter(type, culture, null);
        }
        foreach (var o in overrides ?? [])
        {
            int i = Array.FindIndex(names, n => string.Equals(n, o.Name, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
                throw IngestErrors.SchemaColumnNotFound(file, o.Name, names);
            columns[i] = new ColumnSchema(names[i], o.Type, o.Nullable);
            converters[i] = new TextConverter(o.Type, culture, o.Format) { IsOverride = true };
        }
        return new TableSchema(columns);
    }
}
