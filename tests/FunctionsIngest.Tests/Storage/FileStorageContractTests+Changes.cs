using FunctionsIngest.Data;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Tests.Storage;

public abstract partial class FileStorageContractTests
{
    [Fact]
    public async Task Delete_removes_the_file_and_is_idempotent()
    {
        await WriteBytesAsync("in/a.csv", [1, 2]);
        await WriteBytesAsync("in/ab.csv", [3]);

        await Storage.DeleteAsync("in/a.csv", Ct);
        await Storage.DeleteAsync("in/a.csv", Ct);
        await Storage.DeleteAsync("never/was.csv", Ct);

        Assert.Null(await Storage.GetFileAsync("in/a.csv", Ct));
        Assert.Equal(["in/ab.csv"], (await Storage.ListFilesAsync("", null, Ct)).Select(f => f.Path));
    }

    [Fact]
    public async Task DeleteFolder_removes_everything_under_it_and_nothing_beside_it()
    {
        foreach (var path in new[] { "ds/v1/a.parquet", "ds/v1/p=1/b.parquet", "ds/v10/c.parquet", "ds/v1.json" })
            await WriteBytesAsync(path, [1]);

        await Storage.DeleteFolderAsync("ds/v1", Ct);
        await Storage.DeleteFolderAsync("ds/v1", Ct);
        await Storage.DeleteFolderAsync("ds/none", Ct);

        Assert.Equal(["ds/v1.json", "ds/v10/c.parquet"], (await Storage.ListFilesAsync("", null, Ct)).Select(f => f.Path));
    }

    [Fact]
    public async Task MoveFile_replaces_the_target_and_removes_the_source()
    {
        await WriteBytesAsync("staging/new.parquet", Bytes(2000, seed: 20));
        await WriteBytesAsync("live/data.parquet", Bytes(10, seed: 21));

        await Storage.MoveFileAsync("staging/new.parquet", "live/data.parquet", Ct);

        Assert.Equal(Bytes(2000, seed: 20), await ReadAllAsync("live/data.parquet"));
        Assert.Null(await Storage.GetFileAsync("staging/new.parquet", Ct));
        Assert.Equal(["live/data.parquet"], (await Storage.ListFilesAsync("", null, Ct)).Select(f => f.Path));
    }

    [Fact]
    public async Task MoveFile_of_a_missing_source_is_FileNotFound()
    {
        await WriteBytesAsync("live/data.parquet", [5]);

        var e = await Assert.ThrowsAsync<IngestException>(() => Storage.MoveFileAsync("staging/none.parquet", "live/data.parquet", Ct));

        AssertFileNotFound(e, "staging/none.parquet");
        Assert.Equal([5], await ReadAllAsync("live/data.parquet"));
    }

    [Fact]
    public async Task MoveFolder_moves_every_file_and_the_source_is_gone()
    {
        var files = Enumerable.Range(0, 12).Select(i => $"part-{i:D2}.parquet").Append("p=x/deep/f.parquet").ToList();
        foreach (var file in files)
            await WriteBytesAsync("staging/run1/" + file, Bytes(100 + file.Length, seed: file.Length));
        await WriteBytesAsync("staging/run10/keep.parquet", [1]);

        await Storage.MoveFolderAsync("staging/run1", "datasets/sales/v1", Ct);

        Assert.Empty(await Storage.ListFilesAsync("staging/run1", null, Ct));
        Assert.Equal(files.Select(f => "datasets/sales/v1/" + f).Order(StringComparer.Ordinal),
            (await Storage.ListFilesAsync("datasets/sales/v1", null, Ct)).Select(f => f.Path));
        Assert.Equal(Bytes(100 + files[0].Length, seed: files[0].Length), await ReadAllAsync("datasets/sales/v1/" + files[0]));
        Assert.NotNull(await Storage.GetFileAsync("staging/run10/keep.parquet", Ct));
    }

    public static TheoryData<string> OutsidePaths => ["../x", "/etc/passwd", "a/../../b", "C:\\x", "in/a\0b", "..", "a/..", ""];

    [Theory]
    [MemberData(nameof(OutsidePaths))]
    public async Task Every_method_rejects_a_path_that_leaves_the_storage(string bad)
    {
        await WriteBytesAsync("ok/file.txt", [1]);
        var wrote = false;

        await Rejects(() => Storage.GetFileAsync(bad, Ct));
        if (bad.Length > 0)
            await Rejects(() => Storage.ListFilesAsync(bad, null, Ct));
        await Rejects(() => Storage.OpenReadAsync(bad, Ct));
        await Rejects(() => Storage.GetLocalFileAsync(bad, Ct));
        await Rejects(() => Storage.WriteAsync(bad, (_, _) => { wrote = true; return Task.CompletedTask; }, Ct));
        await Rejects(() => Storage.DeleteAsync(bad, Ct));
        await Rejects(() => Storage.DeleteFolderAsync(bad, Ct));
        await Rejects(() => Storage.MoveFileAsync(bad, "ok/moved.txt", Ct));
        await Rejects(() => Storage.MoveFileAsync("ok/file.txt", bad, Ct));
        await Rejects(() => Storage.MoveFolderAsync(bad, "ok2", Ct));
        await Rejects(() => Storage.MoveFolderAsync("ok", bad, Ct));

        Assert.False(wrote);
        Assert.Equal(["ok/file.txt"], (await Storage.ListFilesAsync("", null, Ct)).Select(f => f.Path));
    }

    private static async Task Rejects(Func<Task> call) => await Assert.ThrowsAsync<StoragePathException>(call);
}
