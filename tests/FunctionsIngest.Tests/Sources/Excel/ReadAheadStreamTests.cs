using FunctionsIngest.Sources.Excel.Package;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

public class ReadAheadStreamTests
{
    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(0, 7, 1, 1)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(100, 10, 2, 3)]     // ends exactly at a chunk boundary
    [InlineData(101, 10, 2, 3)]     // one byte into the last chunk
    [InlineData(99, 10, 3, 64)]     // reads larger than a chunk
    [InlineData(100_000, 4096, 4, 1000)]
    public void Returns_the_same_bytes_at_every_chunk_and_read_size(int length, int chunkSize, int chunks, int readSize)
    {
        var data = Bytes(length);
        using var stream = new ReadAheadStream(new TrickleStream(data, 3), chunkSize, chunks);
        Assert.Equal(data, StreamReading.ReadAll(stream, readSize));
        Assert.Equal(0, stream.Read(new byte[4], 0, 4));
        Assert.Equal(length, stream.Position);
    }

    [Theory]
    [InlineData(1000, 10, 2)]
    [InlineData(1000, 64, 3)]
    [InlineData(100_000, 4096, 4)]
    public void Lent_chunks_hold_the_unread_bytes_before_the_next_ones_and_mix_with_reads(int length, int chunkSize, int chunks)
    {
        var data = Bytes(length);
        using var stream = new ReadAheadStream(new TrickleStream(data, 3), chunkSize, chunks);
        var consumed = new List<byte>();
        byte[] unread = [];
        var random = new Random(length + chunkSize);
        for (int round = 0; ; round++)
        {
            if (round % 3 == 2)
            {
                // A read copies out (a reader first copies its unread bytes out of a lent chunk: this test keeps copies).
                var buffer = new byte[random.Next(1, Math.Min(2 * chunkSize, 1000) + 1)];
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                    break;
                consumed.AddRange(buffer[..n]);
                byte[] all = [.. unread, .. buffer[..n]];
                unread = all[Math.Max(0, all.Length - 40)..];
            }
            else
            {
                if (!stream.TryTakeChunk(unread, out var chunk, out int start, out int end))
                    break;
                var joined = chunk.AsSpan(start, end - start);
                Assert.Equal(unread, joined[..unread.Length].ToArray());
                consumed.AddRange(joined[unread.Length..].ToArray());
                int keep = Math.Min(random.Next(0, 41), joined.Length); // the tail a parser leaves for the next round
                unread = joined[(joined.Length - keep)..].ToArray();
            }
        }
        Assert.Equal(data, consumed);
        Assert.Equal(data.Length, stream.Position);
        Assert.False(stream.TryTakeChunk([], out _, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.TryTakeChunk(new byte[ReadAheadStream.Headroom + 1], out _, out _, out _));
    }

    [Fact]
    public void Surfaces_the_inner_exception_itself_after_the_bytes_before_it()
    {
        var data = Bytes(50);
        var failure = new InvalidDataException("corrupt deflate");
        using var stream = new ReadAheadStream(new TrickleStream(data, 7, failure), chunkSize: 16, chunks: 2);
        var buffer = new byte[64];
        int read = 0;
        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            int n;
            while ((n = stream.Read(buffer, read, buffer.Length - read)) > 0)
                read += n;
        });
        Assert.Same(failure, thrown);
        Assert.Equal(data, buffer[..read]); // every byte the inner stream gave before failing
        Assert.Equal(50, read);
    }

    [Fact]
    public void Dispose_stops_a_worker_waiting_for_room_and_disposes_the_inner_stream()
    {
        var inner = new TrickleStream(Bytes(10_000), 100);
        var stream = new ReadAheadStream(inner, chunkSize: 100, chunks: 2);
        Assert.Equal(1, stream.Read(new byte[1], 0, 1));
        SpinWait.SpinUntil(() => inner.Position >= 300, TimeSpan.FromSeconds(5)); // ring full, worker waiting
        stream.Dispose();
        Assert.False(stream.WorkerAlive);
        Assert.True(inner.Disposed);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void Worker_ends_with_the_stream_read_to_the_end()
    {
        var stream = new ReadAheadStream(new TrickleStream(Bytes(1000), 64), chunkSize: 128, chunks: 2);
        StreamReading.ReadAll(stream, 50);
        Assert.True(SpinWait.SpinUntil(() => !stream.WorkerAlive, TimeSpan.FromSeconds(5)));
        stream.Dispose();
    }

    /// <summary>Gives at most <c>step</c> bytes per read, then optionally throws instead of ending.</summary>
    private sealed class TrickleStream(byte[] data, int step, Exception? failAtEnd = null) : Stream
    {
        private int _pos;

        public bool Disposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pos == data.Length && failAtEnd is not null)
                throw failAtEnd;
            int n = Math.Min(Math.Min(step, count), data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            Volatile.Write(ref _pos, _pos + n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => Volatile.Read(ref _pos); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
