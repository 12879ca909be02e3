using FunctionsIngest.Storage;

namespace FunctionsIngest.Tests.Storage;

/// <summary>The contract on a local folder (a fresh temp folder per test).</summary>
public sealed class LocalStorageContractTests : FileStorageContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fi-storage-" + Guid.NewGuid().ToString("N"));

    protected override Task<IFileStorage> CreateStorageAsync() => Task.FromResult<IFileStorage>(new LocalStorage(_root));

    protected override Task DeleteStorageAsync()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Moves_folders_atomically() => Assert.True(Storage.MovesFoldersAtomically);
}
