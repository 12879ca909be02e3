using FunctionsIngest.Parquet.Encodings;

namespace FunctionsIngest.Parquet.File;

/// <summary>
/// When a chunk keeps its dictionary. Decided at the chunk's first page: dictionary + indices must be smaller than
/// PLAIN (as Arrow C++ checks), else the page is written PLAIN and the dictionary dropped. Later, passing
/// DictionaryPageSizeLimit ends dictionary encoding for the rest of the chunk (the dictionary page is still written first).
/// </summary>
internal static class DictionaryPolicy
{
    /// <summary>Encoded size of an RLE_DICTIONARY page's indices, estimated as bit-packed (1 width byte + bits).</summary>
    public static long IndexBytes(int indexCount, int dictionaryCount) =>
        1 + (((long)indexCount * IndexBitWidth(dictionaryCount)) + 7) / 8;

    public static int IndexBitWidth(int dictionaryCount) => Math.Max(1, RleBitPackedHybrid.BitWidth(dictionaryCount - 1));

    public static bool IsWorthIt(long dictionaryBytes, int indexCount, int dictionaryCount, long plainBytes) =>
        dictionaryBytes + IndexBytes(indexCount, dictionaryCount) < plainBytes;
}
