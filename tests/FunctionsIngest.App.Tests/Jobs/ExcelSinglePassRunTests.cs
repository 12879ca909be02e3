using System.Globalization;
using System.Text;
using FunctionsIngest.App.Tests.Infrastructure;
using FunctionsIngest.Testing;

namespace FunctionsIngest.App.Tests.Jobs;

/// <summary>
/// The copy step reads a long .xlsx sheet in one pass, and again in two passes when a value past the sample changes a
/// column's type; either way the dataset holds every row once, typed over the whole sheet.
/// </summary>
public sealed class ExcelSinglePassRunTests : IDisposable
{
    private const int Rows = 6_000;
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public ExcelSinglePassRunTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    /// <summary>id, n (integers, except <paramref name="fractionAt"/>), label; longer than the 4,096-row sample.</summary>
    private static byte[] Workbook(int fractionAt)
    {
        var book = new XlsxBuilder();
        var xml = new StringBuilder("<row r=\"1\">" + book.Cell("A1", "id") + book.Cell("B1", "n") + book.Cell("C1", "label") + "</row>");
        for (int r = 2; r <= Rows + 1; r++)
        {
            var n = r == fractionAt ? "2.5" : (r % 100).ToString(CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r - 1}</v></c><c r=\"B{r}\"><v>{n}</v></c>{book.Cell($"C{r}", "label " + (r % 7))}</row>");
        }
        return book.Sheet("Data", xml.ToString()).ToBytes();
    }

    private async Task<(System.Text.Json.JsonElement Run, ReadTable Table, string[] Logs)> RunAsync(byte[] workbook)
    {
        _app.AddFile("in/long.xlsx", workbook);
        var jobId = await _client.CreateJobAsync(new { name = "long", source = new { path = "in/long.xlsx" }, destination = new { path = "datasets/long" } });
        var run = await _client.RunToEndAsync(jobId);
        var parts = Directory.GetFiles(Path.Combine(_app.FilesRoot, "datasets/long"), "*.parquet", SearchOption.AllDirectories)
            .Where(f => !f.Contains("_manifests", StringComparison.Ordinal)).ToArray();
        var (_, logs, _) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{run.GetProperty("id").GetString()}/logs");
        var messages = logs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetString()!).ToArray();
        return (run, DatasetReader.ReadAllReaders(Assert.Single(parts)), messages);
    }

    [Fact]
    public async Task A_long_sheet_is_read_once_with_every_row_written()
    {
        var (run, table, logs) = await RunAsync(Workbook(fractionAt: 0));

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(Rows, run.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal("5000|1|label 3", table.Row(4_999));
        Assert.DoesNotContain(logs, m => m.Contains("two passes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fraction_past_the_sample_reads_the_sheet_again_and_types_the_column_double()
    {
        var (run, table, logs) = await RunAsync(Workbook(fractionAt: 5_001));

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal("5000|2.5|label 3", table.Row(4_999));
        Assert.Equal("5001|2|label 4", table.Row(5_000));
        var again = Assert.Single(logs, m => m.StartsWith("Reading 'in/long.xlsx' again in two passes", StringComparison.Ordinal));
        Assert.Contains("cell B5001: column 'n' holds a Fractional value", again, StringComparison.Ordinal);
    }
}
