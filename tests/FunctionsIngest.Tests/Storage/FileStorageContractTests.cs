using FunctionsIngest.Data;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Tests.Storage;

/// <summary>
/// The <see cref="IFileStorage"/> contract, run against every implementation (one subclass each) on a fresh, empty
/// storage per test. Storage-specific behaviour lives in the subclasses.
/// </summary>
public abstract partial class FileStorageContractTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;

    protected IFileStorage Storage { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A new, empty storage for one test.</summary>
    protected abstract Task<IFileStorage> CreateStorageAsync();

    protected virtual Task DeleteStorageAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public Task DisposeAsync() => DeleteStorageAsync();

    [Fact]
    public async Task Write_then_read_back_a_file_spanning_several_blocks()
    {
        var data = Bytes(20 * MiB + 12345, seed: 1);
        await Storage.WriteAsync("out/big.bin", async (stream, ct) =>
        {
            // Uneven synchronous writes, as the Parquet writer makes them, then one async write.
            var offset = 0;
            for (var size = 1; offset + size < data.Length - MiB; size = size * 3 % (3 * MiB) + 7)
            {
                stream.Write(data, offset, size);
                offset += size;
                Assert.Equal(offset, stream.Position);
            }
            await stream.WriteAsync(data.AsMemory(offset), ct);
        }, Ct);

        Assert.Equal(data, await ReadAllAsync("out/big.bin"));
        Assert.Equal(data.Length, (await Storage.GetFileAsync("out/big.bin", Ct))!.Size);
    }

    [Fact]
    public async Task Write_an_empty_file()
    {
        await Storage.WriteAsync("empty.txt", (_, _) => Task.CompletedTask, Ct);

        Assert.Equal(0, (await Storage.GetFileAsync("empty.txt", Ct))!.Size);
        Assert.Empty(await ReadAllAsync("empty.txt"));
    }

    [Fact]
    public async Task A_failed_write_of_a_new_file_leaves_no_file()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => WriteThenFailAsync("out/new.bin"));

        Assert.Equal("the writer failed", thrown.Message);
        Assert.Null(await Storage.GetFileAsync("out/new.bin", Ct));
        Assert.Empty(await Storage.ListFilesAsync("", null, Ct));
    }

    [Fact]
    public async Task A_failed_write_over_a_file_keeps_its_previous_content()
    {
        await WriteBytesAsync("out/data.bin", Bytes(1000, seed: 2));

        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteThenFailAsync("out/data.bin"));

        Assert.Equal(Bytes(1000, seed: 2), await ReadAllAsync("out/data.bin"));
    }

    [Fact]
    public async Task A_second_write_replaces_the_content()
    {
        await WriteBytesAsync("a.bin", Bytes(5000, seed: 3));
        await WriteBytesAsync("a.bin", Bytes(10, seed: 4));

        Assert.Equal(Bytes(10, seed: 4), await ReadAllAsync("a.bin"));
    }

    [Fact]
    public async Task GetFile_reports_size_and_modified_time_and_null_when_missing()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await WriteBytesAsync("in/x.csv", Bytes(321, seed: 5));
        var after = DateTimeOffset.UtcNow.AddSeconds(5);

        var file = await Storage.GetFileAsync("in/x.csv", Ct);

        Assert.NotNull(file);
        Assert.Equal("in/x.csv", file.Path);
        Assert.Equal(321, file.Size);
        Assert.InRange(file.Modified, before, after);
        Assert.Null(await Storage.GetFileAsync("in/y.csv", Ct));
        Assert.Null(await Storage.GetFileAsync("nowhere/x.csv", Ct));
    }

    private async Task WriteThenFailAsync(string path) =>
        await Storage.WriteAsync(path, (stream, _) =>
        {
            var chunk = Bytes(MiB, seed: 9);
            for (var i = 0; i < 10; i++)
                stream.Write(chunk);
            throw new InvalidOperationException("the writer failed");
        }, Ct);

    protected async Task WriteBytesAsync(string path, byte[] data) =>
        await Storage.WriteAsync(path, (stream, ct) => stream.WriteAsync(data, ct).AsTask(), Ct);

    protected async Task<byte[]> ReadAllAsync(string path)
    {
        await using var stream = await Storage.OpenReadAsync(path, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Deterministic bytes that differ by seed and position (so a misplaced block shows).</summary>
    protected static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    protected static void AssertFileNotFound(IngestException e, string path)
    {
        Assert.Equal(path, e.File);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }
}
