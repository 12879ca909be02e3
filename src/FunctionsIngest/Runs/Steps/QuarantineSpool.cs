using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Parquet;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs.Steps;

/// <summary>
/// Collects a copy's quarantined rows in a local temporary Parquet file, created at the first such row, and stages it
/// in storage once the copy succeeded. Quarantine batches arrive while the main part is still being written, so they
/// cannot stream to storage directly; they stay on disk, never in memory.
/// </summary>
internal sealed class QuarantineSpool(TableSchema schema, ParquetCompression compression, IReadOnlyDictionary<string, string> metadata) : IDisposable
{
    private string? _path;
    private FileStream? _file;
    private ParquetTableWriter? _writer;

    public long Rows { get; private set; }

    public void Write(RecordBatch batch)
    {
        if (_writer is null)
        {
            _path = Path.Combine(Path.GetTempPath(), $"fi-quarantine-{Guid.NewGuid():N}.parquet");
            _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _writer = new ParquetTableWriter(_file, schema, compression, metadata);
        }
        _writer.Write(batch);
        Rows += batch.RowCount;
    }

    /// <summary>Writes the collected rows to <paramref name="target"/> in storage; false (nothing written) when there were none.</summary>
    public async Task<bool> StageAsync(IFileStorage storage, string target, CancellationToken ct)
    {
        if (_writer is null || _file is null)
            return false;
        _writer.Finish();
        _file.Position = 0;
        await storage.WriteAsync(target, (stream, token) => _file.CopyToAsync(stream, token), ct);
        return true;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file?.Dispose();
    }
}
