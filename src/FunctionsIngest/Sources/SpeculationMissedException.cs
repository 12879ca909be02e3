namespace FunctionsIngest.Sources;

/// <summary>
/// A single-pass read (column types taken from a sample, every value checked as it goes) found that the whole source
/// does not fit them, or failed on a record: nothing it produced may be kept. The caller reads the source again
/// without the single pass (<see cref="SpeculativeRead"/>), which gives the exact types or the exact error.
/// </summary>
public sealed class SpeculationMissedException(string message, Exception? inner = null) : Exception(message, inner);
