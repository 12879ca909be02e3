using System.Buffers.Binary;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>Writes test files under a per-run temp folder and exposes their raw bytes.</summary>
internal static class TestFile
{
    private static readonly string Folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "functionsingest-parquet-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;

    public static string NewPath(string name) => Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.parquet");

    public static string Write(string name, IReadOnlyList<ParquetColumn> columns, ParquetWriterOptions? options, Action<ParquetWriter> body)
    {
        string path = NewPath(name);
        using var stream = System.IO.File.Create(path);
        using var writer = new ParquetWriter(stream, columns, options);
        body(writer);
        writer.Finish();
        return path;
    }

    /// <summary>The FileMetaData bytes (between the last row group and the 4-byte length + "PAR1").</summary>
    public static byte[] FooterBytes(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        return bytes.AsSpan(bytes.Length - 8 - length, length).ToArray();
    }
}
