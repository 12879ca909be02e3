using System.Diagnostics;
using FunctionsIngest.Data;
using FunctionsIngest.Parquet;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Datasets;

/// <summary>What one copy of a table into a Parquet file did.</summary>
public sealed record CopyResult(long RowsRead, long RowsWritten, long Bytes, TimeSpan Duration, TableSchema Schema, IReadOnlyList<SourceWarning> Warnings);

/// <summary>The one pipeline from a table reader to a Parquet file, shared by run steps and the CLI.</summary>
public static class TableCopier
{
    /// <summary>Writes the whole table to <paramref name="output"/> (which may be non-seekable).</summary>
    public static CopyResult CopyToStream(ITableReader reader, Stream output, ParquetCompression compression,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.GetTimestamp();
        long bytes;
        using (var writer = new ParquetTableWriter(output, reader.Schema, compression, metadata))
        {
            PipelinedBatchWrite.Run(reader, writer, ct);
            writer.Finish();
            bytes = writer.BytesWritten;
        }
        return new CopyResult(reader.RowsRead, reader.RowsRead, bytes, Stopwatch.GetElapsedTime(started), reader.Schema, reader.Warnings);
    }

    /// <summary>Writes the table to a local file that appears only when complete: a failure leaves no file behind.</summary>
    public static CopyResult CopyToFile(ITableReader reader, string targetPath, ParquetCompression compression,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        CopyResult? result = null;
        AtomicFile.WriteAsync(targetPath, (stream, token) =>
        {
            result = CopyToStream(reader, stream, compression, metadata, token);
            return Task.CompletedTask;
        }, ct).GetAwaiter().GetResult();
        return result!;
    }
}
