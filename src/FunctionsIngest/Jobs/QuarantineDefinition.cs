namespace FunctionsIngest.Jobs;

/// <summary>
/// The Parquet dataset that receives rows failing a validation rule or a cast (input columns as read, plus "_reason",
/// "_source_row" and, for Excel, "_cell"). Null members take the defaults of <see cref="For"/>.
/// </summary>
public sealed record QuarantineDefinition
{
    public string? Path { get; init; }
    public string? Compression { get; init; }

    /// <summary>The suffix of the default quarantine dataset: "datasets/sales" quarantines into "datasets/sales_quarantine".</summary>
    public const string DefaultSuffix = "_quarantine";

    /// <summary>The job's quarantine dataset with defaults filled in: a sibling of the destination, with its compression.</summary>
    public static QuarantineDefinition For(JobDefinition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var destination = job.Destination.Path.Replace('\\', '/').TrimEnd('/');
        return new QuarantineDefinition
        {
            Path = job.Quarantine?.Path ?? destination + DefaultSuffix,
            Compression = job.Quarantine?.Compression ?? job.Destination.Compression,
        };
    }
}
