using System.Diagnostics;
using FunctionsIngest.Data;
using FunctionsIngest.Parquet;

namespace FunctionsIngest.Datasets;

/// <summary>What one copy of a table into a Parquet file did.</summary>
public sealed record CopyResult(long RowsRead, long RowsWritten, long Bytes, TimeSpan Duration, TableSchema Schema, IReadOnlyList<SourceWarning> Warnings);

/// <summary>
/// The one pipeline from a table reader to a Parquet file, shared by run steps and the CLI. Writes to a
/// temporary file beside the target and renames it into place only when complete, so a failure
/// leaves no file behind.
/// </summary>
public static class TableCopier
{
    public static CopyResult CopyToFile(ITableReader reader, string targetPath, ParquetCompression compression,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long bytes;
            using (var stream = CreateFile(temp))
            using (var writer = new ParquetTableWriter(stream, reader.Schema, compression, metadata))
            {
                while (reader.ReadNextBatch() is { } batch)
                {
                    ct.ThrowIfCancellationRequested();
                    writer.Write(batch);
                }
                writer.Finish();
                stream.Flush(flushToDisk: true);
                bytes = stream.Length;
            }
            File.Move(temp, targetPath, overwrite: true);
            return new CopyResult(reader.RowsRead, reader.RowsRead, bytes, Stopwatch.GetElapsedTime(started), reader.Schema, reader.Warnings);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Creates the file and its folder; retried because a concurrent clean-up may remove an empty parent folder in between.</summary>
    private static FileStream CreateFile(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
            }
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
