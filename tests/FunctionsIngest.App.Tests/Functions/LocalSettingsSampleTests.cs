using System.Reflection;
using System.Text.Json;
using FunctionsIngest.App.Hosting;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Functions;

/// <summary>local.settings.sample.json documents every setting the app reads, and only settings that exist.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly JsonElement Sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json"))).RootElement;

    private static IEnumerable<string> SettingNames(Type options, string prefix) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .SelectMany(p => p.PropertyType == typeof(StorageSettings) ? SettingNames(p.PropertyType, $"{prefix}{p.Name}__") : [prefix + p.Name]);

    private static IReadOnlyList<string> AppSettings() => SettingNames(typeof(IngestOptions), "Ingest__").ToList();

    [Fact]
    public void Every_ingest_setting_has_a_comment()
    {
        var comments = Sample.GetProperty("_comments");
        var undocumented = AppSettings().Where(name => !comments.TryGetProperty(name, out _)).ToList();

        Assert.True(undocumented.Count == 0, "not documented in local.settings.sample.json: " + string.Join(", ", undocumented));
        Assert.Contains("Ingest__Storage__ConnectionString", AppSettings());
    }

    [Fact]
    public void Every_value_in_the_sample_is_a_real_setting_with_a_comment()
    {
        var known = AppSettings().Concat(["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"]).ToHashSet(StringComparer.Ordinal);
        var comments = Sample.GetProperty("_comments");
        foreach (var value in Sample.GetProperty("Values").EnumerateObject())
        {
            Assert.True(known.Contains(value.Name), $"'{value.Name}' is not a setting the app or the host reads");
            Assert.True(comments.TryGetProperty(value.Name, out _), $"'{value.Name}' has no comment");
        }
    }
}
