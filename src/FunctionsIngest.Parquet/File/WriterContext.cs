using FunctionsIngest.Parquet.Compression;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Thrift;

namespace FunctionsIngest.Parquet.File;

/// <summary>Per-writer shared state: options, the codec and scratch buffers reused for every page (single-threaded).</summary>
internal sealed class WriterContext : IDisposable
{
    public WriterContext(ParquetWriterOptions options)
    {
        Options = options;
        Compressor = PageCompressor.Create(options.Compression, options.ZstdLevel);
        HeaderWriter = new CompactWriter(Header);
    }

    public ParquetWriterOptions Options { get; }
    public PageCompressor Compressor { get; }
    public ByteBuffer PageBody { get; } = new(1 << 16);
    public ByteBuffer Compressed { get; } = new(1 << 16);
    public ByteBuffer Header { get; } = new(256);
    public CompactWriter HeaderWriter { get; }

    public void Dispose()
    {
        PageBody.Dispose();
        Compressed.Dispose();
        Header.Dispose();
        (Compressor as IDisposable)?.Dispose();
    }
}
