using System.Buffers.Binary;
using System.Text;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>
/// Writes a minimal OLE2 compound file ([MS-CFB] version 3: 512-byte sectors, one FAT sector, one directory
/// sector): either empty streams (e.g. EncryptionInfo + EncryptedPackage) or one stream with content.
/// Sector 0 is the FAT, sector 1 the directory, and stream content follows from sector 2.
/// </summary>
public static class Ole2Builder
{
    private const int SectorSize = 512;
    private const int MiniStreamCutoff = 4096;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint NoStream = 0xFFFFFFFF;
    private const uint FirstContentSector = 2;

    public static byte[] WithStreams(params string[] streamNames)
    {
        if (streamNames.Length > 3)
            throw new ArgumentException("One directory sector holds the root and three streams.", nameof(streamNames));
        var file = Layout(contentSectors: 0);
        var directory = DirectorySector(file);
        Entry(directory[..128], "Root Entry", type: 5, child: streamNames.Length > 0 ? 1u : NoStream);
        for (int i = 0; i < streamNames.Length; i++)
            Entry(directory.Slice(128 * (i + 1), 128), streamNames[i], type: 2, child: NoStream, right: i + 1 < streamNames.Length ? (uint)(i + 2) : NoStream);
        return file;
    }

    /// <summary>One stream holding <paramref name="content"/>, zero-padded to at least the mini-stream cutoff so it lives in regular sectors.</summary>
    public static byte[] WithStream(string name, byte[] content)
    {
        int size = Math.Max(MiniStreamCutoff, (content.Length + SectorSize - 1) / SectorSize * SectorSize);
        int sectors = size / SectorSize;
        if (FirstContentSector + sectors > SectorSize / 4)
            throw new ArgumentException("One FAT sector maps 128 sectors: the FAT, the directory and 126 of content.", nameof(content));
        var file = Layout(sectors);
        content.CopyTo(file, SectorOffset(FirstContentSector));
        var directory = DirectorySector(file);
        Entry(directory[..128], "Root Entry", type: 5, child: 1);
        Entry(directory.Slice(128, 128), name, type: 2, child: NoStream, start: FirstContentSector, size: (uint)size);
        return file;
    }

    /// <summary>The header, the FAT (its own sector, the directory's, then one chain of content sectors) and a blank directory sector.</summary>
    private static byte[] Layout(int contentSectors)
    {
        var file = new byte[SectorOffset(FirstContentSector + (uint)contentSectors)];
        var header = file.AsSpan(0, SectorSize);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);                // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);                // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], MiniStreamCutoff); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);       // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);       // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0);                // DIFAT[0] = FAT in sector 0
        for (int i = 1; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + 4 * i)..], NoStream);

        var fat = file.AsSpan(SectorOffset(0), SectorSize);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain); // the directory: one sector
        for (uint i = 0; i < contentSectors; i++)
        {
            uint sector = FirstContentSector + i;
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(int)(4 * sector)..], i + 1 < contentSectors ? sector + 1 : EndOfChain);
        }
        return file;
    }

    private static Span<byte> DirectorySector(byte[] file) => file.AsSpan(SectorOffset(1), SectorSize);

    /// <summary>Sector n starts after the 512-byte header.</summary>
    private static int SectorOffset(uint sector) => (int)(sector + 1) * SectorSize;

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint right = NoStream, uint start = EndOfChain, uint size = 0)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)bytes.Length);
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }
}
