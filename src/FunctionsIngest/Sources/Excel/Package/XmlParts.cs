using System.Xml;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>Secure XmlReader creation for package parts, and the mapping of parse failures to ingest errors.</summary>
internal static class XmlParts
{
    public static XmlReader CreateReader(Stream stream, XmlNameTable? names = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = true,
            NameTable = names,
        };
        return XmlReader.Create(new BufferedStream(stream, 64 * 1024), settings);
    }

    /// <summary>Parses a whole part with <paramref name="parse"/>; null when the part is absent.</summary>
    public static T? ParseOptional<T>(ZipPackage package, string part, Func<XmlReader, T> parse) where T : class
    {
        var stream = package.TryOpen(part);
        if (stream is null)
            return null;
        return Guard(package.DisplayName, part, () =>
        {
            using var reader = CreateReader(stream);
            return parse(reader);
        });
    }

    public static T Parse<T>(ZipPackage package, string part, Func<XmlReader, T> parse) where T : class =>
        ParseOptional(package, part, parse) ?? throw IngestErrors.MissingPart(package.DisplayName, part);

    /// <summary>Runs a read over a part, turning XML and zip failures into <see cref="IngestException"/>s.</summary>
    public static T Guard<T>(string file, string part, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (Map(file, part, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    public static IngestException? Map(string file, string part, Exception ex) => ex switch
    {
        IngestException => null,
        XmlException x when x.Message.Contains("DTD", StringComparison.Ordinal) => IngestErrors.DtdNotAllowed(file, part, x),
        XmlException x => IngestErrors.BadPart(file, part, $"malformed XML ({x.Message})", x),
        InvalidDataException or EndOfStreamException => IngestErrors.BadPart(file, part, $"the compressed data is damaged or truncated ({ex.Message})", ex),
        OutOfMemoryException => IngestErrors.BadPart(file, part, "it is too large to read", ex),
        IOException io => IngestErrors.Io(file, io),
        _ => null,
    };
}
