using FunctionsIngest.Storage;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Task WriteAsync(string path, string text) =>
        AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), token).AsTask(), CancellationToken.None);

    private string[] Names() => Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task A_write_removes_what_killed_writes_of_the_same_file_left_and_nothing_else()
    {
        var path = Path.Combine(_dir.Path, "run-1.json");
        var killedWrite = $".run-1.json.{Guid.NewGuid():N}.tmp";
        var otherFilesWrite = $".run-2.json.{Guid.NewGuid():N}.tmp";
        foreach (var name in new[] { killedWrite, otherFilesWrite, ".run-1.json.notaguid.tmp", "keep.txt" })
            await File.WriteAllTextAsync(Path.Combine(_dir.Path, name), "partial");

        await WriteAsync(path, "{}");

        Assert.Equal([".run-1.json.notaguid.tmp", otherFilesWrite, "keep.txt", "run-1.json"], Names());
        Assert.Equal("{}", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_failed_write_leaves_neither_the_file_nor_a_temporary_one()
    {
        var path = Path.Combine(_dir.Path, "out.parquet");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AtomicFile.WriteAsync(path, (_, _) => throw new InvalidOperationException("writer failed"), CancellationToken.None));

        Assert.Empty(Names());
    }

    [Fact]
    public async Task Writes_into_a_staging_folder_that_a_concurrent_clean_up_keeps_removing_when_empty_all_succeed()
    {
        // Runs stage into ".NAME.staging/RUNID" while finished runs remove that parent folder whenever it is empty
        // (LocalStorage prunes it): a write must survive the parent vanishing between any two of its steps.
        var staging = Path.Combine(_dir.Path, ".many.staging");
        using var stop = new CancellationTokenSource();
        var pruner = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (Directory.Exists(staging) && !Directory.EnumerateFileSystemEntries(staging).Any())
                        Directory.Delete(staging);
                }
                catch (IOException)
                {
                }
            }
        });
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
            {
                for (int i = 0; i < 250; i++)
                {
                    var run = Path.Combine(staging, $"run{writer}-{i}");
                    var path = Path.Combine(run, "part-0.parquet");
                    await WriteAsync(path, "data");
                    Assert.Equal("data", await File.ReadAllTextAsync(path));
                    Directory.Delete(run, recursive: true);
                }
            })));
        }
        finally
        {
            await stop.CancelAsync();
            await pruner;
        }
    }
}
