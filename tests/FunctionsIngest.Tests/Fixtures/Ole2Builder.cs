using System.Buffers.Binary;
using System.Text;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>
/// Writes a minimal OLE2 compound file ([MS-CFB] version 3: 512-byte sectors, one FAT sector, one directory
/// sector) whose directory lists the given empty streams, e.g. EncryptionInfo + EncryptedPackage.
/// </summary>
public static class Ole2Builder
{
    public static byte[] WithStreams(params string[] streamNames)
    {
        if (streamNames.Length > 3)
            throw new ArgumentException("One directory sector holds the root and three streams.", nameof(streamNames));
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);          // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);          // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);       // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0);          // DIFAT[0] = FAT in sector 0
        for (int i = 1; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + 4 * i)..], 0xFFFFFFFF);

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);      // sector 0: FAT
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE); // sector 1: directory, end of chain

        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", type: 5, child: streamNames.Length > 0 ? 1u : 0xFFFFFFFF);
        for (int i = 0; i < streamNames.Length; i++)
            Entry(directory.Slice(128 * (i + 1), 128), streamNames[i], type: 2, child: 0xFFFFFFFF, right: i + 1 < streamNames.Length ? (uint)(i + 2) : 0xFFFFFFFF);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint right = 0xFFFFFFFF)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)bytes.Length);
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], 0xFFFFFFFE); // start sector: none
    }
}
