using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Excel;

/// <summary>Which sheet(s) of a workbook to read, where the table sits in them, how it is named and typed, and how the file is named in messages.</summary>
public sealed record ExcelReadOptions
{
    /// <summary>Sheet name (case-insensitive, exact match first) or a 1-based index written as digits; null = the first sheet in tab order.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Several sheets read as one table with a leading "_sheet" column: each entry a name, a 1-based index written as
    /// digits, or a wildcard pattern ("Sales *", "20??"). Null = just <see cref="Sheet"/>. Exclusive with <see cref="Sheet"/>.
    /// Columns are matched by header name (case-insensitive) and unioned in first-seen order; a column a sheet lacks is
    /// null there; types are inferred over all the sheets. A name or index that matches nothing is an error; patterns
    /// may match nothing, but together the entries must match a sheet. A sheet with no table adds no rows (warning).
    /// </summary>
    public IReadOnlyList<string>? Sheets { get; init; }

    /// <summary>
    /// 1-based row holding the column names; data starts on the next row. Null = detect it (skips title and blank rows
    /// above the header; searched among the first 64 rows with cells). With <see cref="Range"/>, counted from the range's
    /// first row (the default 1 is the range's first row).
    /// </summary>
    public int? HeaderRow { get; init; } = 1;

    /// <summary>
    /// A cell range such as "A3:H500" (or "B:F", "A3:H"): only these rows and columns are read; its first row is the
    /// header. Inside it the usual rules hold: empty edge columns and trailing empty rows are dropped.
    /// </summary>
    public string? Range { get; init; }

    /// <summary>False: hidden (and very hidden) sheets are left out when <see cref="Sheets"/> uses patterns. A sheet named explicitly is always read.</summary>
    public bool IncludeHiddenSheets { get; init; }

    /// <summary>False: data rows hidden in the sheet are skipped (a HeaderRow given explicitly is read even if hidden; .xls: rows of height 0).</summary>
    public bool IncludeHiddenRows { get; init; } = true;

    /// <summary>
    /// True: every cell of a merged range reads the value of its top-left cell (false: only the top-left cell has it).
    /// Type inference sees the repeated values. Ranges whose top-left cell is above the header or outside
    /// <see cref="Range"/> are not filled.
    /// </summary>
    public bool FillMergedCells { get; init; }

    /// <summary>True: column names become snake_case ASCII ("Order Date (UTC)" => "order_date_utc"), still unique.</summary>
    public bool NormalizeHeaders { get; init; }

    /// <summary>
    /// Columns whose type is given instead of inferred, matched by final column name (case-insensitive). A cell that does
    /// not convert, or a blank in a non-nullable column, fails the read naming the file, sheet, cell and column.
    /// </summary>
    public IReadOnlyList<ColumnOverride>? Schema { get; init; }

    /// <summary>Rows per batch; lowered for very wide sheets so a batch holds at most about 4 M cells.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>
    /// True (.xlsx, one sheet, merged cells not filled, 2+ cores): one pass instead of two. The header, the columns and
    /// their types come from the first <see cref="SinglePassSampleRows"/> data rows; the rest of the sheet is read on a
    /// thread of its own and typed as it arrives, every cell checked against them. A cell that would change its column's
    /// type or widen the table, or any failure, ends the read in <see cref="SpeculationMissedException"/>: the caller must
    /// discard the output and read again without it (<see cref="SpeculativeRead"/>). False (default): two passes.
    /// </summary>
    public bool SinglePass { get; init; }

    /// <summary>Data rows read before the single pass fixes the types; tests set it low.</summary>
    internal int SinglePassSampleRows { get; init; } = 4096;

    /// <summary>Rows profiled on the scanning thread before a helper thread takes over; tests set it low to run the helper on small sheets.</summary>
    internal int ProfileHelperAfterRows { get; init; } = 4096;

    /// <summary>The name used for the file in every error and warning; default: the file name.</summary>
    public string? DisplayName { get; init; }
}
