using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// The table's schema built from the sheet profiles. Column names come from each sheet's header (normalised when
/// asked, then made unique); with several sheets, columns are matched by name (case-insensitive) and unioned in
/// first-seen order after a leading "_sheet" column, a column missing from a sheet reading as null there, and each
/// type is inferred over all the sheets together. Schema overrides then replace types by final column name.
/// </summary>
internal sealed class TableLayout
{
    public const string SheetColumn = "_sheet";

    private TableLayout(TableSchema schema, IReadOnlyList<SheetSegment> segments, CellConverter?[] converters, bool hasSheetColumn)
    {
        Schema = schema;
        Segments = segments;
        Converters = converters;
        HasSheetColumn = hasSheetColumn;
        IsPlain = !hasSheetColumn && segments.Count == 1 && Array.TrueForAll(converters, c => c is null);
    }

    public TableSchema Schema { get; }

    public IReadOnlyList<SheetSegment> Segments { get; }

    /// <summary>Per output column, the override's converter, or null for an inferred type.</summary>
    public CellConverter?[] Converters { get; }

    public bool HasSheetColumn { get; }

    /// <summary>One sheet, inferred types only: pass 2 can copy the sheet's contiguous columns straight into the batch.</summary>
    public bool IsPlain { get; }

    public static TableLayout Build(IReadOnlyList<SheetProfile> profiles, ExcelReadOptions options, string file, bool sheetColumn, bool date1904)
    {
        var names = new List<string>();
        var seen = new List<ValueKind>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (sheetColumn)
        {
            names.Add(SheetColumn);
            seen.Add(ValueKind.Text);
            index.Add(SheetColumn, 0);
        }
        var sources = new List<List<(int Output, int SheetColumn)>>();
        foreach (var profile in profiles)
        {
            var sheetNames = HeaderNames.Build(profile.RawHeaders(), profile.FirstColumn, options.NormalizeHeaders, sheetColumn ? SheetColumn : null);
            var pairs = new List<(int, int)>();
            for (int i = 0; i < sheetNames.Length; i++)
            {
                if (!index.TryGetValue(sheetNames[i], out int output))
                {
                    output = names.Count;
                    index.Add(sheetNames[i], output);
                    names.Add(sheetNames[i]);
                    seen.Add(ValueKind.None);
                }
                int column = profile.FirstColumn + i;
                seen[output] |= profile.Seen(column);
                pairs.Add((output, column));
            }
            sources.Add(pairs);
        }
        var segments = new List<SheetSegment>();
        for (int s = 0; s < profiles.Count; s++)
        {
            var map = new int[names.Count];
            Array.Fill(map, -1);
            foreach (var (output, column) in sources[s])
                map[output] = column;
            segments.Add(new SheetSegment(profiles[s], map));
        }
        var columns = new ColumnSchema[names.Count];
        for (int i = 0; i < columns.Length; i++)
            columns[i] = new ColumnSchema(names[i], ValueKinds.Resolve(seen[i]), Nullable: !(sheetColumn && i == 0));
        var converters = new CellConverter?[names.Count];
        foreach (var o in options.Schema ?? [])
        {
            int i = names.FindIndex(n => string.Equals(n, o.Name, StringComparison.OrdinalIgnoreCase));
            if (i < 0 || (sheetColumn && i == 0))
                throw IngestErrors.SchemaColumnNotFound(file, o.Name, sheetColumn ? names.Skip(1) : names);
            columns[i] = new ColumnSchema(names[i], o.Type, o.Nullable);
            converters[i] = new CellConverter(o.Type, o.Format, date1904);
        }
        return new TableLayout(new TableSchema(columns), segments, converters, sheetColumn);
    }
}
