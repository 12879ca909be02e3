using System.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>One part of a split file: bytes [Start, End), whose first line is line <see cref="FirstLine"/> of the file.</summary>
internal readonly record struct CsvChunk(long Start, long End, long FirstLine);

/// <summary>
/// Where pass 1 cut a file, every cut proven to fall between records (each chunk parsed cleanly up to the next cut
/// from a start proven the same way), so pass 2 may parse the chunks independently and in parallel.
/// </summary>
internal sealed record CsvChunkPlan(Encoding Encoding, IReadOnlyList<CsvChunk> Chunks);

/// <summary>Candidate cuts of a file: byte bounds of many chunks and of two halves (each list: first offset ... length).</summary>
internal sealed record CsvCuts(Encoding Encoding, IReadOnlyList<long> Bounds, IReadOnlyList<long> Halves);
