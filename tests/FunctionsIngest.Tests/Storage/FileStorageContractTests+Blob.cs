using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FunctionsIngest.Data;
using FunctionsIngest.Storage;
using FunctionsIngest.Storage.Blob;
using FunctionsIngest.Testing;

namespace FunctionsIngest.Tests.Storage;

/// <summary>The contract on Azure Blob storage (a real Azurite, a fresh container per test), plus what only blob storage does.</summary>
public sealed class BlobStorageContractTests : FileStorageContractTests
{
    private readonly string _container = Azurite.UniqueName("contract");

    private BlobContainerClient Container => new(Azurite.Instance.ConnectionString, _container);

    protected override Task<IFileStorage> CreateStorageAsync() => Task.FromResult<IFileStorage>(Create());

    protected override async Task DeleteStorageAsync() => await Container.DeleteIfExistsAsync();

    private BlobStorage Create(string? prefix = null, string? connectionString = null) => new(new BlobStorageOptions
    {
        ConnectionString = connectionString ?? Azurite.Instance.ConnectionString,
        Container = _container,
        Prefix = prefix,
        CreateContainer = true,
        SettingName = "Test:Storage",
    });

    [Fact]
    public void Describes_itself_by_container_uri_and_prefix_without_credentials()
    {
        var description = Create("datasets/").Description;

        Assert.Equal($"blob container {Azurite.Instance.BlobEndpoint}/{_container}/datasets", description);
        Assert.False(Storage.MovesFoldersAtomically);
    }

    [Fact]
    public async Task A_prefix_rooted_storage_sees_only_its_prefix()
    {
        await Container.CreateIfNotExistsAsync();
        foreach (var name in new[] { "root/in/a.csv", "rootx/in/b.csv", "other/c.csv", "top.csv" })
            await Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), Ct);
        var rooted = Create("root");

        Assert.Equal(["in/a.csv"], (await rooted.ListFilesAsync("", null, Ct)).Select(f => f.Path));
        Assert.Null(await rooted.GetFileAsync("other/c.csv", Ct));
        Assert.Null(await rooted.GetFileAsync("x/in/b.csv", Ct));
        await Assert.ThrowsAsync<StoragePathException>(() => rooted.GetFileAsync("../other/c.csv", Ct));
        await rooted.WriteAsync("out/d.csv", (s, ct) => s.WriteAsync("d"u8.ToArray(), ct).AsTask(), Ct);
        await rooted.DeleteFolderAsync("in", Ct);

        Assert.True(await Container.GetBlobClient("root/out/d.csv").ExistsAsync(Ct));
        Assert.False(await Container.GetBlobClient("root/in/a.csv").ExistsAsync(Ct));
        Assert.True(await Container.GetBlobClient("rootx/in/b.csv").ExistsAsync(Ct));
    }

    [Fact]
    public async Task Listing_reports_blob_names_no_path_can_address()
    {
        await Container.CreateIfNotExistsAsync();
        await Container.GetBlobClient("in//double.csv").UploadAsync(BinaryData.FromString("x"), Ct);
        await WriteBytesAsync("in/fine.csv", [1]);
        var refused = new List<string>();

        var files = await Storage.ListFilesAsync("in", refused.Add, Ct);

        Assert.Equal(["in/fine.csv"], files.Select(f => f.Path));
        Assert.Equal(["in//double.csv"], refused);
    }

    [Fact]
    public async Task A_wrong_account_key_is_a_clear_error_that_does_not_quote_the_key()
    {
        var wrongKey = Convert.ToBase64String(Bytes(64, seed: 99));
        var storage = Create(connectionString: Azurite.Instance.ConnectionStringWithKey(wrongKey));

        var e = await Assert.ThrowsAsync<IngestException>(() => storage.ListFilesAsync("", null, Ct));

        Assert.Contains(_container, e.Message, StringComparison.Ordinal);
        Assert.Contains("Test:Storage:ConnectionString", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey[..12], e.ToString(), StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public void A_connection_string_that_cannot_be_parsed_is_named_but_not_quoted()
    {
        var e = Assert.Throws<IngestException>(() => Create(connectionString: "AccountName=x;AccountKey=not base64!!;secret=s3cr3t"));

        Assert.Contains("Test:Storage:ConnectionString", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveFolder_run_again_after_an_interruption_completes()
    {
        foreach (var i in Enumerable.Range(0, 5))
            await WriteBytesAsync($"staging/run/f{i}.parquet", Bytes(50 + i, seed: i));
        // Interrupted mid-copy: two target files present, one of them with stale content; the source is whole.
        await WriteBytesAsync("live/v1/f0.parquet", Bytes(50, seed: 0));
        await WriteBytesAsync("live/v1/f3.parquet", [9, 9, 9]);

        await Storage.MoveFolderAsync("staging/run", "live/v1", Ct);

        Assert.Empty(await Storage.ListFilesAsync("staging", null, Ct));
        var moved = await Storage.ListFilesAsync("live/v1", null, Ct);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"live/v1/f{i}.parquet"), moved.Select(f => f.Path));
        foreach (var i in Enumerable.Range(0, 5))
            Assert.Equal(Bytes(50 + i, seed: i), await ReadAllAsync($"live/v1/f{i}.parquet"));
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(1000, 1)]
    [InlineData(1000, 2)]
    [InlineData(4096, 2)]
    public async Task Block_boundaries_keep_every_byte_in_place(int blockSize, int maxInFlight)
    {
        var storage = Create();
        storage.UploadShape = (blockSize, maxInFlight);
        var data = Bytes(blockSize * 7 + 3, seed: blockSize + maxInFlight);

        await storage.WriteAsync("b.bin", async (stream, ct) =>
        {
            stream.Write(data, 0, blockSize - 1);
            stream.WriteByte(data[blockSize - 1]);
            stream.Write(data, blockSize, blockSize);
            await stream.WriteAsync(data.AsMemory(2 * blockSize, 3 * blockSize + 1), ct);
            stream.Write(data.AsSpan(5 * blockSize + 1));
            stream.Flush();
            Assert.Equal(data.Length, stream.Length);
        }, Ct);

        Assert.Equal(data, await ReadAllAsync("b.bin"));
        var blocks = (await Container.GetBlockBlobClient("b.bin").GetBlockListAsync(cancellationToken: Ct)).Value.CommittedBlocks.ToList();
        Assert.Equal(8, blocks.Count);
        Assert.Single(blocks.Select(b => b.Name.Length).Distinct());
    }

    [Fact]
    public async Task A_writer_that_disposes_the_stream_still_commits_and_a_write_after_dispose_fails()
    {
        await Storage.WriteAsync("d.bin", (stream, _) =>
        {
            using (stream)
                stream.Write([1, 2, 3]);
            Assert.Throws<ObjectDisposedException>(() => stream.Write([4]));
            return Task.CompletedTask;
        }, Ct);

        Assert.Equal([1, 2, 3], await ReadAllAsync("d.bin"));
    }
}
