using System.Text;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Opens a text file as a reader: a UTF-8 or UTF-16 byte-order mark decides the encoding (and is skipped), else the
/// named one. Invalid bytes are flagged (<see cref="InvalidBytesFallback"/>), so a file in another encoding fails
/// with a clear message instead of silently turning bytes into U+FFFD.
/// </summary>
internal static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Resolve(string? name, string file)
    {
        switch ((name ?? "utf-8").Trim().ToUpperInvariant())
        {
            case "" or "UTF-8" or "UTF8":
                return new UTF8Encoding(false);
            case "UTF-16" or "UTF16" or "UTF-16LE" or "UTF16LE" or "UNICODE":
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
            case "UTF-16BE" or "UTF16BE":
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }
        try
        {
            return Encoding.GetEncoding(name!.Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw IngestErrors.UnknownEncoding(file, name!);
        }
    }

    public static StreamReader Open(string path, string file, string? encodingName, int bufferChars) =>
        Open(path, file, encodingName, bufferChars, out _);

    public static StreamReader Open(string path, string file, string? encodingName, int bufferChars, out InvalidBytesFallback invalidBytes)
    {
        var encoding = Resolve(encodingName, file);
        var stream = TextSourceFile.OpenRead(path, file);
        try
        {
            (encoding, int skip) = Detect(stream, encoding, file);
            stream.Position = skip;
            return Reader(stream, encoding, bufferChars, out invalidBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The encoding a byte-order mark at the start of <paramref name="stream"/> names and the mark's length, else <paramref name="named"/> and 0.</summary>
    public static (Encoding Encoding, int Skip) Detect(Stream stream, Encoding named, string file)
    {
        Span<byte> bom = stackalloc byte[3];
        stream.Position = 0;
        int n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
            return (Resolve("utf-8", file), 3);
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
            return (Resolve("utf-16le", file), 2);
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
            return (Resolve("utf-16be", file), 2);
        return (named, 0);
    }

    /// <summary>A reader over <paramref name="stream"/> from its current position, flagging invalid bytes.</summary>
    public static StreamReader Reader(Stream stream, Encoding encoding, int bufferChars, out InvalidBytesFallback invalidBytes)
    {
        encoding = InvalidBytesFallback.Apply(encoding, out invalidBytes);
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferChars * 2, leaveOpen: false);
    }
}
