namespace FunctionsIngest.Sources.Text;

/// <summary>
/// A reader that knows where each row of its last batch came from: CSV gives the 1-based line a record starts on,
/// NDJSON the line of the object, a JSON array the object's 1-based ordinal, Excel the row in the row's own sheet.
/// Feeds the transforms' "_row" and "_source_row".
/// </summary>
public interface ISourceRowNumbers
{
    /// <summary>One number per row of the batch last returned by ReadNextBatch.</summary>
    ReadOnlySpan<long> LastBatchRowNumbers { get; }
}
