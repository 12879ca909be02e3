using System.Net;
using System.Text.Json;
using FunctionsIngest.App.Tests.Infrastructure;

namespace FunctionsIngest.App.Tests.Endpoints;

public sealed class JobEndpointsTests : IDisposable
{
    private readonly IngestAppFactory _app = new();
    private readonly HttpClient _client;

    public JobEndpointsTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Create_returns_201_with_location_and_the_job_with_defaults()
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "iris",
            source = new { path = "in/iris.xlsx" },
            destination = new { path = "datasets/iris" },
            schedule = "0 6 * * *",
            timeZone = "Europe/Paris",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location!.ToString());
        Assert.Equal("iris", body.GetProperty("name").GetString());
        Assert.Equal("excel", body.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal(1, body.GetProperty("source").GetProperty("headerRow").GetInt32());
        Assert.Equal("snappy", body.GetProperty("destination").GetProperty("compression").GetString());
        Assert.Equal("0 6 * * *", body.GetProperty("schedule").GetString());
        Assert.Equal("Europe/Paris", body.GetProperty("timeZone").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());

        var (getStatus, got, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal("in/iris.xlsx", got.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Sheet_may_be_a_name_or_a_one_based_number()
    {
        var byNumber = await _client.CreateJobAsync(ApiClient.Job("by-number", sheet: 2));
        var byName = await _client.CreateJobAsync(ApiClient.Job("by-name", sheet: "Data"));

        var (_, number, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{byNumber}");
        var (_, name, _) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{byName}");
        Assert.Equal("2", number.GetProperty("source").GetProperty("sheet").GetString());
        Assert.Equal("Data", name.GetProperty("source").GetProperty("sheet").GetString());
    }

    [Fact]
    public async Task List_shows_every_job_with_its_last_run()
    {
        var a = await _client.CreateJobAsync(ApiClient.Job("b-never-run"));
        var b = await _client.CreateJobAsync(ApiClient.Job("a-missing-file", sourcePath: "in/missing.xlsx"));
        var run = await _client.RunToEndAsync(b);

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "/api/jobs");

        Assert.Equal(HttpStatusCode.OK, status);
        var jobs = body.EnumerateArray().ToArray();
        Assert.Equal(["a-missing-file", "b-never-run"], jobs.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(b, jobs[0].GetProperty("id").GetString());
        var lastRun = jobs[0].GetProperty("lastRun");
        Assert.Equal(run.GetProperty("id").GetString(), lastRun.GetProperty("id").GetString());
        Assert.Equal("Failed", lastRun.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.String, lastRun.GetProperty("createdTime").ValueKind);
        Assert.Equal(JsonValueKind.String, lastRun.GetProperty("completedTime").ValueKind);
        Assert.Equal(0, lastRun.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(a, jobs[1].GetProperty("id").GetString());
        Assert.False(jobs[1].TryGetProperty("lastRun", out _));
    }

    [Fact]
    public async Task Put_replaces_the_definition_and_delete_removes_the_job()
    {
        var id = await _client.CreateJobAsync(ApiClient.Job("old"));

        var (putStatus, put, _) = await _client.SendAsync(HttpMethod.Put, $"/api/jobs/{id}", ApiClient.Job("new", compression: "gzip", headerRow: 3));
        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal("new", put.GetProperty("name").GetString());
        Assert.Equal("gzip", put.GetProperty("destination").GetProperty("compression").GetString());
        Assert.Equal(3, put.GetProperty("source").GetProperty("headerRow").GetInt32());

        var (deleteStatus, _, _) = await _client.SendAsync(HttpMethod.Delete, $"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleteStatus);
        var (getStatus, problem, response) = await _client.SendAsync(HttpMethod.Get, $"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(id, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/runs")]
    [InlineData("GET", "/runs")]
    public async Task Unknown_job_id_is_a_404_problem(string method, string suffix)
    {
        var (status, body, response) = await _client.SendAsync(new HttpMethod(method), $"/api/jobs/nope{suffix}", method == "PUT" ? ApiClient.Job("x") : null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal("Job not found", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Duplicate_name_is_a_409_problem_case_insensitively()
    {
        await _client.CreateJobAsync(ApiClient.Job("Sales"));
        var other = await _client.CreateJobAsync(ApiClient.Job("Other"));

        var (createStatus, created, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", ApiClient.Job("sales"));
        var (renameStatus, _, _) = await _client.SendAsync(HttpMethod.Put, $"/api/jobs/{other}", ApiClient.Job("SALES"));

        Assert.Equal(HttpStatusCode.Conflict, createStatus);
        Assert.Contains("sales", created.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, renameStatus);
    }

    [Theory]
    [InlineData("{ \"name\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_problem(string raw)
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", raw);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("The request body is not valid JSON", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_job_names_each_bad_field()
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "",
            source = new { type = "csv", path = "../etc/passwd.xlsx", sheet = 0, headerRow = 0, sheeet = "typo" },
            destination = new { path = "/abs/out", compression = "lz4" },
            schedule = "every day",
            timeZone = "Mars/Olympus",
            enabled = "yes",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = body.GetProperty("errors");
        // csv is a source type now; sheet and headerRow are named as settings that do not apply to it.
        string[] expected = ["name", "source.path", "source.sheet", "source.headerRow", "source.sheeet",
            "destination.path", "destination.compression", "schedule", "timeZone", "enabled"];
        Assert.Equal(expected.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("..", errors.GetProperty("source.path")[0].GetString());
        Assert.Contains("absolute", errors.GetProperty("destination.path")[0].GetString());
        Assert.Contains("Mars/Olympus", errors.GetProperty("timeZone")[0].GetString());
    }

    [Fact]
    public async Task Missing_required_parts_are_named_and_a_csv_path_implies_a_csv_source()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new { source = new { path = "in/data.csv" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("is required.", errors.GetProperty("destination")[0].GetString());
        Assert.False(errors.TryGetProperty("source.path", out _));
        Assert.False(errors.TryGetProperty("source.type", out _));
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 1 1 *")]
    public async Task Valid_five_and_six_field_schedules_are_accepted(string schedule)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "cron",
            source = new { path = "in/a.xlsx" },
            destination = new { path = "out/a" },
            schedule,
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(schedule, body.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("61 * * * *")]
    [InlineData("* * * * * * *")]
    public async Task Invalid_schedules_are_rejected(string schedule)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "cron",
            source = new { path = "in/a.xlsx" },
            destination = new { path = "out/a" },
            schedule,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(schedule, body.GetProperty("errors").GetProperty("schedule")[0].GetString());
    }

    [Fact]
    public async Task Run_policies_have_defaults_and_the_next_run_is_shown()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "nightly",
            source = new { path = "in/sales/*.xlsx", incremental = true },
            destination = new { path = "datasets/sales" },
            schedule = "0 2 * * *",
            timeZone = "Europe/Paris",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("skip", body.GetProperty("overlap").GetString());
        Assert.Equal("once", body.GetProperty("catchUp").GetString());
        Assert.Equal(3, body.GetProperty("retry").GetProperty("maxAttempts").GetInt32());
        Assert.True(body.GetProperty("source").GetProperty("incremental").GetBoolean());
        var next = body.GetProperty("nextRunAt").GetDateTimeOffset();
        Assert.True(next > DateTimeOffset.UtcNow && next <= DateTimeOffset.UtcNow.AddDays(1).AddHours(1));
        Assert.Equal(2, TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Hour);
    }

    [Fact]
    public async Task Run_policies_are_validated()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "bad-policies",
            source = new { path = "in/a.xlsx", incremental = "yes" },
            destination = new { path = "out/a" },
            overlap = "sometimes",
            catchUp = "never",
            retry = new { maxAttempts = 0, backoffCoefficient = 0.5, firstRetryIntervalSeconds = -1, jitter = true },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        string[] expected = ["source.incremental", "overlap", "catchUp", "retry.maxAttempts", "retry.backoffCoefficient", "retry.firstRetryIntervalSeconds", "retry.jitter"];
        Assert.Equal(expected.Order(), body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_disabled_or_unscheduled_job_has_no_next_run()
    {
        var (_, disabled, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", new
        {
            name = "off", source = new { path = "in/a.xlsx" }, destination = new { path = "out/a" }, schedule = "* * * * *", enabled = false,
        });
        var (_, manual, _) = await _client.SendAsync(HttpMethod.Post, "/api/jobs", ApiClient.Job("manual"));

        Assert.False(disabled.TryGetProperty("nextRunAt", out _));
        Assert.False(manual.TryGetProperty("nextRunAt", out _));
    }
}
