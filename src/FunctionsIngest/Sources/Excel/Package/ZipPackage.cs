using System.IO.Compression;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// An OPC package (the zip of an .xlsx): part lookup by ASCII case-insensitive name, every part
/// opened through the zip-bomb guard, every zip failure turned into an <see cref="IngestException"/>.
/// </summary>
internal sealed class ZipPackage : IDisposable
{
    private readonly Stream _stream;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    private ZipPackage(Stream stream, ZipArchive zip, string displayName, PackageLimits limits)
    {
        _stream = stream;
        _zip = zip;
        DisplayName = displayName;
        Limits = limits;
    }

    public string DisplayName { get; }

    public PackageLimits Limits { get; }

    public static ZipPackage Open(string path, string displayName, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        var stream = SourceFile.OpenRead(path, displayName);
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var package = new ZipPackage(stream, zip, displayName, limits);
            package.Index();
            return package;
        }
        catch (IngestException)
        {
            stream.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            stream.Dispose();
            throw IngestErrors.TruncatedOrNotZip(displayName, ex);
        }
        catch (IOException ex)
        {
            stream.Dispose();
            throw IngestErrors.Io(displayName, ex);
        }
    }

    private void Index()
    {
        var entries = _zip.Entries;
        if (entries.Count > Limits.MaxFileCount)
            throw IngestErrors.TooManyParts(DisplayName, Limits.MaxFileCount);
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/'))
                continue;
            var name = PartNames.Normalize(entry.FullName);
            if (!_entries.TryAdd(name, entry))
                throw IngestErrors.DuplicatePart(DisplayName, name);
        }
    }

    public bool Contains(string partName) => _entries.ContainsKey(PartNames.Normalize(partName));

    /// <summary>Opens a part for reading, or returns null when the package has no such part.</summary>
    public Stream? TryOpen(string partName)
    {
        if (!_entries.TryGetValue(PartNames.Normalize(partName), out var entry))
            return null;
        if (entry.Length > Limits.MaxEntrySize)
            throw IngestErrors.ZipBomb(DisplayName, partName, $"declares {entry.Length} bytes, more than the limit of {Limits.MaxEntrySize}");
        try
        {
            var opened = entry.Open();
            var inflating = opened is DeflateStream { BaseStream: var raw } && IsalLibrary.IsLoaded
                ? new IsalInflateStream(opened, raw, entry.Length)
                : opened;
            return new GuardedEntryStream(inflating, entry.CompressedLength, Limits, DisplayName, partName);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw IngestErrors.BadPart(DisplayName, partName, $"the zip entry cannot be opened ({ex.Message})", ex);
        }
    }

    public Stream Open(string partName) => TryOpen(partName) ?? throw IngestErrors.MissingPart(DisplayName, partName);

    public long UncompressedSize(string partName) =>
        _entries.TryGetValue(PartNames.Normalize(partName), out var entry) ? entry.Length : 0;

    public void Dispose()
    {
        _zip.Dispose();
        _stream.Dispose();
    }
}
