using System.Buffers.Binary;
using System.Text;

namespace FunctionsIngest.Sources.Excel.Xls;

/// <summary>
/// Just enough of the OLE2 compound-file format ([MS-CFB]) to list the directory entry names, so a
/// password-encrypted OOXML file (streams EncryptionInfo + EncryptedPackage) is told apart from an .xls.
/// </summary>
internal static class Ole2Directory
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MaxDirectorySectors = 4096;

    /// <summary>True when the directory holds an "EncryptedPackage" stream; false when not, or when the header cannot be read.</summary>
    public static bool IsEncryptedPackage(Stream stream)
    {
        try
        {
            return EntryNames(stream).Contains("EncryptedPackage", StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidDataException or OverflowException)
        {
            return false;
        }
    }

    private static List<string> EntryNames(Stream stream)
    {
        var header = new byte[512];
        stream.Position = 0;
        stream.ReadExactly(header);
        int sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12))
            throw new InvalidDataException("Unexpected OLE2 sector size.");
        int sectorSize = 1 << sectorShift;
        uint sector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        var fatSectors = new uint[109];
        for (int i = 0; i < fatSectors.Length; i++)
            fatSectors[i] = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + 4 * i));

        var names = new List<string>();
        var buffer = new byte[sectorSize];
        for (int visited = 0; sector != EndOfChain && visited < MaxDirectorySectors; visited++)
        {
            ReadSector(stream, sector, sectorSize, buffer);
            for (int offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 64));
                if (nameBytes is >= 2 and <= 64)
                    names.Add(Encoding.Unicode.GetString(buffer, offset, nameBytes - 2));
            }
            sector = NextSector(stream, sector, sectorSize, fatSectors);
        }
        return names;
    }

    private static uint NextSector(Stream stream, uint sector, int sectorSize, uint[] fatSectors)
    {
        int perSector = sectorSize / 4;
        long fatIndex = sector / perSector;
        if (fatIndex >= fatSectors.Length)
            return EndOfChain; // beyond the header's DIFAT: stop listing rather than chase extension sectors
        var fat = new byte[sectorSize];
        ReadSector(stream, fatSectors[fatIndex], sectorSize, fat);
        return BinaryPrimitives.ReadUInt32LittleEndian(fat.AsSpan((int)(sector % perSector) * 4));
    }

    private static void ReadSector(Stream stream, uint sector, int sectorSize, byte[] buffer)
    {
        long position = (sector + 1L) * sectorSize;
        if (position + sectorSize > stream.Length)
            throw new InvalidDataException("OLE2 sector beyond the end of the file.");
        stream.Position = position;
        stream.ReadExactly(buffer);
    }
}
