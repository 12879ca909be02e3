namespace FunctionsIngest.Runs;

/// <summary>One unit of input a Copy step processes: a file (and sheet), staged as one part file.</summary>
public sealed record WorkItem(string File, string? Sheet, string Part, long Size, DateTimeOffset Modified);

/// <summary>What a Copy step leaves for Commit: the staged part and its counts.</summary>
public sealed record CopyOutput(string Part, long RowsRead, long RowsWritten, long Bytes, string Sheet, IReadOnlyList<ColumnInfo> Schema);

/// <summary>A column of a written part, as recorded in step outputs and manifests.</summary>
public sealed record ColumnInfo(string Name, string Type, bool Nullable);
