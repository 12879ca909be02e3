using System.Text;
using System.Xml;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Sources.Excel.Xlsx.Utf8;

namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// The workbook's shared strings (the one structure the format forces a reader to hold), stored as one char
/// buffer plus offsets rather than an object per string; strings are materialised on access through a small
/// direct-mapped cache, so pooled values are not copied per cell. Count attributes are ignored (writers omit them).
/// </summary>
internal sealed partial class SharedStringTable
{
    public static readonly SharedStringTable Empty = new Builder().Build();

    private const int CacheSize = 4096;
    private readonly char[] _chars;
    private readonly int[] _offsets; // string i is _chars[_offsets[i].._offsets[i + 1]]
    private readonly string?[] _cache = new string?[CacheSize];
    private readonly int[] _cachedIndex = new int[CacheSize];

    private SharedStringTable(char[] chars, int[] offsets)
    {
        _chars = chars;
        _offsets = offsets;
    }

    public int Count => _offsets.Length - 1;

    /// <summary>Length of string <paramref name="index"/> without materialising it.</summary>
    public int LengthOf(int index) => _offsets[index + 1] - _offsets[index];

    public string this[int index]
    {
        get
        {
            int slot = index & (CacheSize - 1);
            var cached = _cache[slot];
            if (cached is not null && _cachedIndex[slot] == index)
                return cached;
            int start = _offsets[index];
            var text = new string(_chars, start, _offsets[index + 1] - start);
            _cache[slot] = text;
            _cachedIndex[slot] = index;
            return text;
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
            using var cursor = new Utf8XmlCursor(package.Open(partName), package.Limits.MaxTextLength * 4 + 1024);
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

    /// <summary>Collects strings into one growing char buffer.</summary>
    private sealed class Builder
    {
        private char[] _chars = new char[1024];
        private int[] _offsets = new int[64];
        private int _length;

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<char> text)
        {
            Append(text);
            Commit();
        }

        public void Append(ReadOnlySpan<char> text)
        {
            if ((long)_length + text.Length > Array.MaxLength)
                throw new OutOfMemoryException("The shared strings exceed the largest possible buffer.");
            if (_length + text.Length > _chars.Length)
                Array.Resize(ref _chars, (int)Math.Min(Array.MaxLength, Math.Max((long)_length + text.Length, _chars.Length * 2L)));
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        /// <summary>Length of the string being built.</summary>
        public int Pending => _length - _offsets[Count];

        public Span<char> PendingChars => _chars.AsSpan(_offsets[Count], Pending);

        /// <summary>Replaces the string being built (after escape decoding).</summary>
        public void ReplacePending(string text)
        {
            _length = _offsets[Count];
            Append(text);
        }

        public void Commit()
        {
            if (Count + 2 > _offsets.Length)
                Array.Resize(ref _offsets, _offsets.Length * 2);
            Count++;
            _offsets[Count] = _length;
        }

        public SharedStringTable Build() => new(_chars[.._length], _offsets[..(Count + 1)]);
    }
}
