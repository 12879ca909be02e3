using FunctionsIngest.Data;

namespace FunctionsIngest.Sources;

/// <summary>
/// A single-pass read (column types taken from a sample, every value checked as it goes) found that the whole source
/// does not fit them, or failed on a record: nothing it produced may be kept. The caller reads the source again
/// without the single pass (<see cref="SpeculativeRead"/>), which gives the exact types or the exact error.
/// </summary>
public sealed class SpeculationMissedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Says that a column holds a value of a kind its sampled type does not keep (<see cref="ValueKinds.KeptBy"/>).</summary>
    internal static string DescribeTypeChange(string column, ValueKind kind, ColumnType type) =>
        $"column '{column}' holds a {kind} value, which makes it another type than {type}";

    /// <summary>The reader's message for a miss found at <paramref name="miss"/>'s place in <paramref name="file"/>.</summary>
    internal static SpeculationMissedException StoppedAt(string file, SpeculationMissedException miss, Exception? inner) =>
        new($"'{file}': the single pass stopped at {miss.Message}.", inner);
}
