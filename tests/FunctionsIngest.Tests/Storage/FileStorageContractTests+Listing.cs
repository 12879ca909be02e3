namespace FunctionsIngest.Tests.Storage;

public abstract partial class FileStorageContractTests
{
    [Fact]
    public async Task List_is_recursive_sorted_and_stays_inside_the_folder()
    {
        foreach (var path in new[] { "in/b.csv", "in/a/z.csv", "in/a/sub/deep/x.csv", "in/ab/x.csv", "in/a.csv", "in/a/B.csv", "other/q.csv", "top.csv" })
            await WriteBytesAsync(path, Bytes(path.Length, seed: 7));

        var underA = await Storage.ListFilesAsync("in/a", null, Ct);
        var underIn = await Storage.ListFilesAsync("in", null, Ct);
        var all = await Storage.ListFilesAsync("", null, Ct);

        Assert.Equal(["in/a/B.csv", "in/a/sub/deep/x.csv", "in/a/z.csv"], underA.Select(f => f.Path));
        Assert.Equal(["in/a.csv", "in/a/B.csv", "in/a/sub/deep/x.csv", "in/a/z.csv", "in/ab/x.csv", "in/b.csv"], underIn.Select(f => f.Path));
        Assert.Equal(8, all.Count);
        Assert.Equal(all.Select(f => f.Path).Order(StringComparer.Ordinal), all.Select(f => f.Path));
        Assert.Equal("in/a/sub/deep/x.csv".Length, underA[1].Size);
    }

    [Fact]
    public async Task List_of_a_missing_folder_is_empty()
    {
        await WriteBytesAsync("in/a.csv", [1]);

        Assert.Empty(await Storage.ListFilesAsync("nothing", null, Ct));
        Assert.Empty(await Storage.ListFilesAsync("in/a.csv/x", null, Ct));
    }

    [Fact]
    public async Task OpenRead_seeks_and_reads_parts()
    {
        var data = Bytes(9 * MiB + 17, seed: 11);
        await WriteBytesAsync("in/seek.bin", data);

        await using var stream = await Storage.OpenReadAsync("in/seek.bin", Ct);

        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(data.Length, stream.Length);
        foreach (var (position, count) in new[] { (data.Length - 10L, 10), (0L, 100), (4L * MiB - 50, 100), (7L * MiB + 3, MiB), (1L, 1) })
        {
            stream.Seek(position, SeekOrigin.Begin);
            var buffer = new byte[count];
            await stream.ReadExactlyAsync(buffer);
            Assert.Equal(data.AsSpan((int)position, count).ToArray(), buffer);
            Assert.Equal(position + count, stream.Position);
        }
        stream.Position = data.Length;
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task OpenRead_of_a_missing_file_is_FileNotFound()
    {
        var e = await Assert.ThrowsAsync<FunctionsIngest.Data.IngestException>(() => Storage.OpenReadAsync("in/none.xlsx", Ct));

        AssertFileNotFound(e, "in/none.xlsx");
    }

    [Fact]
    public async Task GetLocalFile_gives_the_content_at_a_local_path_and_removes_a_temporary_copy()
    {
        var data = Bytes(3 * MiB + 5, seed: 12);
        await WriteBytesAsync("in/book.xlsx", data);

        var local = await Storage.GetLocalFileAsync("in/book.xlsx", Ct);
        Assert.Equal(data, await File.ReadAllBytesAsync(local.Path));
        await local.DisposeAsync();

        Assert.Equal(!local.IsTemporaryCopy, File.Exists(local.Path));
        Assert.Equal(data, await ReadAllAsync("in/book.xlsx"));
    }

    [Fact]
    public async Task GetLocalFile_of_a_missing_file_is_FileNotFound()
    {
        var e = await Assert.ThrowsAsync<FunctionsIngest.Data.IngestException>(() => Storage.GetLocalFileAsync("in/none.xlsx", Ct));

        AssertFileNotFound(e, "in/none.xlsx");
    }
}
