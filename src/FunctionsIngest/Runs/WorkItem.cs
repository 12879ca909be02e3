namespace FunctionsIngest.Runs;

/// <summary>
/// One unit of input a Copy step processes: a file (and sheet), staged as one part file.
/// <see cref="AdoptFrom"/> names an earlier failed run whose staged part for this item can be reused (a rerun).
/// </summary>
public sealed record WorkItem(string File, string? Sheet, string Part, long Size, DateTimeOffset Modified, string? AdoptFrom = null);

/// <summary>
/// What a Copy step leaves for Commit: the staged part and its counts. <see cref="Sheet"/> is null for CSV and JSON;
/// <see cref="QuarantinePart"/> names the part staged in the quarantine dataset, when rows were quarantined.
/// </summary>
public sealed record CopyOutput(string Part, long RowsRead, long RowsWritten, long Bytes, string? Sheet, IReadOnlyList<ColumnInfo> Schema)
{
    public long RowsQuarantined { get; init; }

    public long RowsFiltered { get; init; }

    public string? QuarantinePart { get; init; }

    /// <summary>The quarantine part's columns (null without one, and in outputs recorded before it was kept).</summary>
    public IReadOnlyList<ColumnInfo>? QuarantineSchema { get; init; }
}

/// <summary>A column of a written part, as recorded in step outputs and manifests.</summary>
public sealed record ColumnInfo(string Name, string Type, bool Nullable)
{
    public static ColumnInfo[] Of(Data.TableSchema schema) => schema.Columns.Select(c => new ColumnInfo(c.Name, c.Type.ToString(), c.Nullable)).ToArray();
}

/// <summary>The input of a rerun's Plan step: the failed run whose unfinished work it redoes.</summary>
public sealed record RerunPlan(string RerunOf);
