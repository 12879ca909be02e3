using System.Buffers;
using System.Text;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// The workbook's shared strings (the one structure the format forces a reader to hold), stored as UTF-8 in
/// fixed-size pages plus offsets rather than an object per string: loading never copies what it has built (a
/// doubling buffer and a final trim once made loading peak at several times the table), and ASCII text takes one
/// byte per character. Strings are materialised on access through a small direct-mapped cache, so pooled values
/// are not copied per cell. Count attributes are ignored (writers omit them).
/// </summary>
internal sealed partial class SharedStringTable
{
    public static readonly SharedStringTable Empty = new Builder().Build();

    private const int CacheSize = 4096;
    private readonly byte[][] _pages;
    private readonly int[] _offsets; // string i is bytes [_offsets[i], _offsets[i + 1]) of the pages laid end to end
    private readonly Dictionary<int, string>? _unpaired; // strings with a lone surrogate, which UTF-8 cannot hold
    private readonly string?[] _cache = new string?[CacheSize];
    private readonly int[] _cachedIndex = new int[CacheSize];

    private SharedStringTable(byte[][] pages, int[] offsets, int count, Dictionary<int, string>? unpaired)
    {
        _pages = pages;
        _offsets = offsets;
        Count = count;
        _unpaired = unpaired;
    }

    public int Count { get; }

    /// <summary>String <paramref name="index"/> is "", without materialising it.</summary>
    public bool IsEmpty(int index) => _offsets[index + 1] == _offsets[index] && (_unpaired is null || !_unpaired.ContainsKey(index));

    /// <summary>
    /// Lookup by a cell's <see cref="Cells.CellValue.SharedIndex"/> (index + 1) for another thread: the same strings
    /// through a cache of its own (the cache is not thread-safe; the strings never change).
    /// </summary>
    public Func<int, string> LookupForAnotherThread()
    {
        var own = new SharedStringTable(_pages, _offsets, Count, _unpaired);
        return sharedIndex => own[sharedIndex - 1];
    }

    public string this[int index]
    {
        get
        {
            int slot = index & (CacheSize - 1);
            var cached = _cache[slot];
            if (cached is not null && _cachedIndex[slot] == index)
                return cached;
            var text = Decode(index);
            _cache[slot] = text;
            _cachedIndex[slot] = index;
            return text;
        }
    }

    private string Decode(int index)
    {
        if (_unpaired is not null && _unpaired.TryGetValue(index, out var odd))
            return odd;
        int start = _offsets[index];
        int length = _offsets[index + 1] - start;
        if (length == 0)
            return "";
        var page = _pages[start >> Builder.PageShift];
        int offset = start & Builder.PageMask;
        if (offset + length <= page.Length)
            return Encoding.UTF8.GetString(page, offset, length);
        var joined = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Builder.CopyOut(_pages, start, joined.AsSpan(0, length));
            return Encoding.UTF8.GetString(joined, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    public static SharedStringTable Read(ZipPackage package, string? partName)
    {
        if (partName is null || !package.Contains(partName))
            return Empty;
        return XmlParts.Guard(package.DisplayName, partName, () =>
        {
            using (var probe = package.Open(partName))
            {
                var head = new byte[256];
                int n = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                if (!Utf8Declaration.IsUtf8(head.AsSpan(0, n)))
                    return XmlParts.Parse(package, partName, reader => ParseWithXmlReader(reader, package));
            }
            using var cursor = new Utf8XmlCursor(ReadAheadStream.WhenWorthIt(package.Open(partName)), package.Limits.MaxTextLength * 4 + 1024);
            return ParseUtf8(cursor, package);
        });
    }

    /// <summary>The XmlReader path, used for non-UTF-8 parts (and by tests as the oracle for the fast path).</summary>
    internal static SharedStringTable ReadWithXmlReader(ZipPackage package, string partName) =>
        XmlParts.Parse(package, partName, reader => ParseWithXmlReader(reader, package));

    private static SharedStringTable ParseWithXmlReader(XmlReader reader, ZipPackage package)
    {
        var builder = new Builder();
        var scratch = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                continue;
            try
            {
                builder.Add(RichTextReader.Read(reader, scratch, package.Limits.MaxTextLength));
            }
            catch (TextTooLongException)
            {
                throw IngestErrors.SharedStringTooLong(package.DisplayName, builder.Count, package.Limits.MaxTextLength);
            }
        }
        return builder.Build();
    }
}
