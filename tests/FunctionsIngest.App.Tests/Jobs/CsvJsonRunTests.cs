using System.Text;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Jobs;

/// <summary>
/// CSV and JSON jobs and transforms run end to end through the API, their datasets read back by outside readers.
/// These need the copy step to open sources through TableSources and apply JobTransforms.
/// </summary>
public sealed class CsvJsonRunTests : IDisposable
{
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public CsvJsonRunTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // for windows-1252 test data
        _client = _app.CreateClient();
    }

    public void Dispose() => _app.Dispose();

    private string[] Parts(string dataset) => Directory.GetFiles(Path.Combine(_app.FilesRoot, dataset), "*.parquet", SearchOption.AllDirectories)
        .Where(f => !f.Contains("_manifests", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_csv_job_with_semicolons_and_a_french_culture_writes_its_typed_values()
    {
        _app.AddFile("in/sales.csv", Encoding.GetEncoding("windows-1252").GetBytes("Export\nref;montant;jour;client\n00123;1,5;03/02/2024;Société\n00124;-2,25;04/02/2024;Café\n"));
        var jobId = await _client.CreateJobAsync(new
        {
            name = "sales",
            source = new { path = "in/sales.csv", delimiter = ";", skipRows = 1, encoding = "windows-1252", culture = "fr-FR",
                schema = new object[] { new { name = "ref", type = "string" }, new { name = "jour", type = "date", format = "dd/MM/yyyy" } } },
            destination = new { path = "datasets/sales" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        var table = DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/sales")));
        Assert.Equal(["ref", "montant", "jour", "client"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("00123|1.5|2024-02-03|Société", table.Row(0));
        Assert.Equal("00124|-2.25|2024-02-04|Café", table.Row(1));
    }

    /// <summary>Over 4 MiB, so the copy step tries the single pass; row 80,000 (past the sampled slices) is the only fraction.</summary>
    internal static string IntegersWithOneLateFraction(int rows = 260_000) =>
        "id,n,label\n" + string.Concat(Enumerable.Range(0, rows).Select(i => i == 80_000 ? $"{i},2.5,late\n" : $"{i},{i % 1000},row {i}\n"));

    [Fact]
    public async Task A_large_csv_whose_type_changes_past_the_sample_is_read_again_in_two_passes_and_written_once()
    {
        _app.AddFile("in/big.csv", Encoding.UTF8.GetBytes(IntegersWithOneLateFraction()));
        var jobId = await _client.CreateJobAsync(new { name = "big", source = new { path = "in/big.csv" }, destination = new { path = "datasets/big" } });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(260_000, run.GetProperty("rowsWritten").GetInt64());
        var table = DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/big")));
        Assert.Equal(260_000, table.Rows.Count);
        Assert.Equal("80000|2.5|late", table.Row(80_000));
        Assert.Equal("79999|999|row 79999", table.Row(79_999));
        var (_, logs, _) = await _client.SendAsync(System.Net.Http.HttpMethod.Get, $"/api/runs/{run.GetProperty("id").GetString()}/logs");
        var again = logs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetString()!)
            .Single(m => m.StartsWith("Reading 'in/big.csv' again in two passes", StringComparison.Ordinal));
        Assert.Contains("line 80002", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_job_flattens_nested_objects_and_applies_its_schema()
    {
        _app.AddFile("in/events/a.json", Encoding.UTF8.GetBytes("""[{"id":1,"user":{"name":"ann","tags":["a","b"]},"at":"05.01.2024"},{"id":2,"user":{"name":"bob"},"at":"06.01.2024"}]"""));
        var jobId = await _client.CreateJobAsync(new
        {
            name = "events",
            source = new { type = "json", path = "in/events/*.json", schema = new object[] { new { name = "at", type = "date", format = "dd.MM.yyyy" } } },
            destination = new { path = "datasets/events" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        var table = DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/events")));
        Assert.Equal(["id", "user.name", "user.tags", "at"], table.Columns);
        Assert.Equal("1|ann|[\"a\",\"b\"]|2024-01-05", table.Row(0));
        Assert.Equal("2|bob|∅|2024-01-06", table.Row(1));
    }

    [Fact]
    public async Task A_json_column_declared_not_nullable_is_required_in_the_parquet_footer_and_a_record_without_it_fails_the_run()
    {
        _app.AddFile("in/ids/a.json", Encoding.UTF8.GetBytes("""[{"id":1,"v":"x"},{"id":2}]"""));
        var jobId = await _client.CreateJobAsync(new
        {
            name = "ids",
            source = new { type = "json", path = "in/ids/*.json", schema = new object[] { new { name = "id", type = "int64", nullable = false } } },
            destination = new { path = "datasets/ids" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        var part = Assert.Single(Parts("datasets/ids"));
        var footer = FunctionsIngest.Testing.ParquetOracle.ReadAll(part, metadata: true).Footer;
        var repetition = footer.GetProperty("schema").EnumerateArray().Skip(1)
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("repetition_type").GetString());
        Assert.Equal("REQUIRED", repetition["id"]);
        Assert.Equal("OPTIONAL", repetition["v"]);

        _app.AddFile("in/ids/b.json", Encoding.UTF8.GetBytes("""[{"id":3},{"v":"no id"}]"""));
        var failed = await _client.RunToEndAsync(jobId);
        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());
        Assert.Contains("'in/ids/b.json', row 2, column 'id': the value is missing but the column is not nullable.", failed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarantine_parts_whose_columns_differ_are_published_with_a_warning_naming_them()
    {
        // qty reads as int64 in a.csv and as text in b.csv; the cast makes both outputs int64, not their quarantine rows
        _app.AddFile("in/q/a.csv", Encoding.UTF8.GetBytes("id,qty\n1,5\n,6\n"));
        _app.AddFile("in/q/b.csv", Encoding.UTF8.GetBytes("id,qty\n2,x\n3,7\n"));
        var jobId = await _client.CreateJobAsync(new
        {
            name = "q",
            source = new { path = "in/q/*.csv" },
            transforms = new object[] { new { type = "required", column = "id" }, new { type = "cast", column = "qty", to = "int64" } },
            destination = new { path = "datasets/q" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, run.GetProperty("rowsWritten").GetInt64());
        var (_, logs, _) = await _client.SendAsync(System.Net.Http.HttpMethod.Get, $"/api/runs/{run.GetProperty("id").GetString()}/logs?level=warning");
        var warnings = logs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetString()!).ToArray();
        var differ = Assert.Single(warnings, m => m.StartsWith("The quarantine parts of this run differ", StringComparison.Ordinal));
        Assert.Contains("'in/q/a.csv' has (id: Int64, qty: Int64, ", differ, StringComparison.Ordinal);
        Assert.Contains("'in/q/b.csv' has (id: Int64, qty: String, ", differ, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_app.FilesRoot, "datasets/q_quarantine"), "*.parquet", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Transforms_rename_cast_filter_and_quarantine_rows_with_their_reason()
    {
        _app.AddFile("in/orders.csv", Encoding.UTF8.GetBytes("id,qty,region\n1,10,north\n,20,south\n3,x,north\n4,40,test\n5,50,east\n"));
        var jobId = await _client.CreateJobAsync(new
        {
            name = "orders",
            source = new { path = "in/orders.csv", schema = new object[] { new { name = "qty", type = "string" } } },
            transforms = new object[]
            {
                new { type = "rename", from = "region", to = "area" },
                new { type = "cast", column = "qty", to = "int64" },
                new { type = "filter", column = "area", op = "!=", value = "test" },
                new { type = "required", column = "id" },
            },
            destination = new { path = "datasets/orders" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, run.GetProperty("rowsWritten").GetInt64());
        var table = DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/orders")));
        Assert.Equal(["id", "qty", "area"], table.Columns);
        Assert.Equal(["1|10|north", "5|50|east"], Enumerable.Range(0, table.Rows.Count).Select(table.Row));
        var quarantine = DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/orders_quarantine")));
        Assert.Equal(["id", "qty", "region", "_reason", "_source_row"], quarantine.Columns);
        Assert.Equal(["∅|20|south|column 'id' is required but empty|3", "3|x|north|column 'qty': 'x' cannot be converted to Int64|4"],
            Enumerable.Range(0, quarantine.Rows.Count).Select(quarantine.Row));
    }

    [Fact]
    public async Task Quarantined_spreadsheet_rows_name_their_cell()
    {
        _app.AddCorpusFile("iris-excel-xlsx.xlsx", "in/iris.xlsx");
        var jobId = await _client.CreateJobAsync(new
        {
            name = "iris",
            source = new { path = "in/iris.xlsx", sheet = "iris" },
            transforms = new object[]
            {
                new { type = "rename", from = "Species", to = "species" },
                new { type = "allowed", column = "species", values = new[] { "setosa", "versicolor" } },
            },
            quarantine = new { path = "rejects/iris" },
            destination = new { path = "datasets/iris" },
        });

        var run = await _client.RunToEndAsync(jobId);

        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(100, DatasetReader.ReadAllReaders(Assert.Single(Parts("datasets/iris"))).Rows.Count);
        var quarantine = DatasetReader.ReadAllReaders(Assert.Single(Parts("rejects/iris")));
        Assert.Equal(["Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width", "Species", "_reason", "_source_row", "_cell"], quarantine.Columns);
        Assert.Equal(50, quarantine.Rows.Count);
        Assert.Equal("6.3|3.3|6|2.5|virginica|column 'species': 'virginica' is not one of the allowed values|102|E102", quarantine.Row(0));
        Assert.Equal("E151", quarantine.Rows[49][7]);
    }
}
