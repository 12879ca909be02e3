using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FunctionsIngest.App.Tests.Jobs;

/// <summary>Saving CSV, JSON and transform jobs: every bad setting is a 400 naming its field; what cannot be checked yet is a warning.</summary>
public sealed class JobValidationEndpointTests : IDisposable
{
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public JobValidationEndpointTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private static object CsvJob(object source, object[]? transforms = null) => new
    {
        name = "sales",
        source,
        transforms,
        destination = new { path = "datasets/sales" },
    };

    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task A_transform_naming_a_column_the_source_lacks_is_a_400_naming_the_transform_and_the_column()
    {
        _app.AddFile("in/sales/2024-01.csv", Encoding.UTF8.GetBytes("id,amount\n1,2\n"));

        var (status, problem, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", CsvJob(new { path = "in/sales/*.csv" },
            [new { type = "rename", from = "amount", to = "total" }, new { type = "required", column = "amount" }]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The job definition is invalid", problem.GetProperty("title").GetString());
        Assert.Equal(["transforms[1].column"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Transform 2 (required): column 'amount' does not exist at this point. Columns: 'id', 'total'."], Errors(problem, "transforms[1].column"));
    }

    [Fact]
    public async Task Bad_delimiter_encoding_and_culture_are_each_a_400()
    {
        var (status, problem, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs",
            CsvJob(new { path = "in/a.csv", delimiter = "||", encoding = "ebcdic-klingon", culture = "xx-NOPE" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["source.culture", "source.delimiter", "source.encoding"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.StartsWith("'||' is not a delimiter", Errors(problem, "source.delimiter")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_of_another_source_type_and_malformed_transforms_are_named()
    {
        var (status, problem, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", CsvJob(new { path = "in/a.csv", sheet = "Data", layout = "lines" },
            [new { type = "explode", column = "a" }, new { type = "rename", from = "a" }, new { type = "required", column = "a", colour = "red" }]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["'sheet' does not apply to csv sources (it is a setting of excel sources)."], Errors(problem, "source.sheet"));
        Assert.Equal(["'layout' does not apply to csv sources (it is a setting of json sources)."], Errors(problem, "source.layout"));
        Assert.StartsWith("must be one of: select, rename, cast", Errors(problem, "transforms[0].type")[0], StringComparison.Ordinal);
        Assert.Contains("'to'", Errors(problem, "transforms[1]")[0], StringComparison.Ordinal);
        Assert.Contains("'colour'", Errors(problem, "transforms[2]")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_source_file_the_job_is_saved_with_a_warning_and_shown_as_written()
    {
        const string body = """
            {"name":"events","source":{"path":"in/events/*.ndjson","layout":"lines","schema":[{"name":"at","type":"date","format":"dd.MM.yyyy"}]},
             "transforms":[{"column":"user.id","type":"required"},{"type":"range","column":"at","min":"2020-01-01"}],
             "destination":{"path":"datasets/events","compression":"gzip"}}
            """;

        var (status, job, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", body);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(["No file matches 'in/events/*.ndjson' yet. The columns 'user.id' named by the transforms will be checked when a run starts."],
            job.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var source = job.GetProperty("source");
        Assert.Equal("json", source.GetProperty("type").GetString());
        Assert.Equal("lines", source.GetProperty("layout").GetString());
        Assert.False(source.TryGetProperty("headerRow", out _));
        Assert.Equal("date", source.GetProperty("schema")[0].GetProperty("type").GetString());
        Assert.Equal("required", job.GetProperty("transforms")[0].GetProperty("type").GetString());
        Assert.Equal("datasets/events_quarantine", job.GetProperty("quarantine").GetProperty("path").GetString());
        Assert.Equal("gzip", job.GetProperty("quarantine").GetProperty("compression").GetString());

        var (_, got, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{job.GetProperty("id").GetString()}");
        Assert.False(got.TryGetProperty("warnings", out _));
        Assert.Equal("user.id", got.GetProperty("transforms")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task An_excel_header_row_may_be_auto()
    {
        var id = await _client.CreateJobAsync(new { name = "auto", source = new { path = "in/a.xlsx", headerRow = "auto" }, destination = new { path = "d/a" } });

        var (_, job, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{id}");

        Assert.Equal("auto", job.GetProperty("source").GetProperty("headerRow").GetString());
    }

    [Fact]
    public async Task A_job_stored_in_the_old_format_still_loads()
    {
        var id = await _client.CreateJobAsync(ApiClient.Job("legacy"));
        const string old = """{"name":"legacy","source":{"type":"excel","path":"in/iris.xlsx","sheet":"2","headerRow":4,"incremental":false},"destination":{"path":"datasets/iris","compression":"snappy"},"schedule":null,"timeZone":null,"enabled":true,"overlap":"skip","catchUp":"once","retry":null}""";
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_app.DataDirectory, "ingest.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE jobs SET definition = $definition WHERE id = $id";
            update.Parameters.AddWithValue("$definition", old);
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var (status, job, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        var source = job.GetProperty("source");
        Assert.Equal(("excel", "2", 4), (source.GetProperty("type").GetString(), source.GetProperty("sheet").GetString(), source.GetProperty("headerRow").GetInt32()));
        Assert.False(job.TryGetProperty("transforms", out _));
        Assert.False(job.TryGetProperty("quarantine", out _));
    }
}
