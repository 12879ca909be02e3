using System.Buffers.Binary;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>
/// Writes test files under a per-run temp folder (deleted at exit unless KEEP_PARQUET_TEST_FILES is set, so a failing
/// file can be inspected with ../shared/tools/parquet-check) and exposes their raw bytes.
/// </summary>
internal static class TestFile
{
    private static readonly string Folder = CreateFolder();

    private static string CreateFolder()
    {
        string root = Path.Combine(Path.GetTempPath(), "functionsingest-parquet-tests");
        DeleteStaleRuns(root);
        string folder = Directory.CreateDirectory(Path.Combine(root, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        if (Environment.GetEnvironmentVariable("KEEP_PARQUET_TEST_FILES") is null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            };
        }

        return folder;
    }

    /// <summary>Removes folders of earlier test processes that are gone (the exit handler does not always get to run).</summary>
    private static void DeleteStaleRuns(string root)
    {
        if (!Directory.Exists(root) || Environment.GetEnvironmentVariable("KEEP_PARQUET_TEST_FILES") is not null) return;
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId || IsAlive(pid)) continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

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
