using System.Net.Http.Json;
using System.Text.Json;
using FunctionsIngest.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsIngest.App.Tests.Infrastructure;

/// <summary>The real app over a fresh data directory (real SQLite file, real storage folder) per test.</summary>
public sealed class IngestAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the app's own registrations (fault injection).</param>
    public IngestAppFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = Path.Combine(Path.GetTempPath(), "fi-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = settings ?? [];
    }

    public string DataDirectory { get; }

    public string FilesRoot => Path.Combine(DataDirectory, "files");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ingest:DataDirectory", DataDirectory);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    /// <summary>Copies a workbook of the shared corpus into the storage root at <paramref name="relativePath"/>.</summary>
    public string AddCorpusFile(string corpusName, string relativePath) => AddFile(relativePath, File.ReadAllBytes(RepoPaths.CorpusFile(corpusName)));

    public string AddFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(FilesRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }
}
