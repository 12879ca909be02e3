using System.Text.Json;
using FunctionsIngest.Jobs;
using FunctionsIngest.Jobs.Validation;
using FunctionsIngest.Runs;
using FunctionsIngest.Storage;
using FunctionsIngest.Store;

namespace FunctionsIngest.App.Endpoints;

/// <summary>/api/jobs: create, list, read, replace, delete jobs; start a run; a job's run history.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs");
        jobs.MapPost("/", CreateAsync);
        jobs.MapGet("/", ListAsync);
        jobs.MapGet("/{id}", GetAsync);
        jobs.MapPut("/{id}", ReplaceAsync);
        jobs.MapDelete("/{id}", DeleteAsync);
        jobs.MapPost("/{id}/runs", StartRunAsync);
        jobs.MapGet("/{id}/runs", ListRunsAsync);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IIngestStore store, IFileStorage storage, TimeProvider clock, CancellationToken ct)
    {
        var (definition, warnings, problem) = await ReadDefinitionAsync(request, Validator(storage), ct);
        if (problem is not null)
            return problem;
        var now = clock.GetUtcNow();
        var job = new Job(Guid.NewGuid().ToString("N"), definition!, now, now);
        try
        {
            await store.CreateJobAsync(job, ct);
        }
        catch (DuplicateJobNameException)
        {
            return Problems.DuplicateName(definition!.Name);
        }
        return Results.Created($"/api/jobs/{job.Id}", JobResponse.From(job, null, now, warnings));
    }

    private static async Task<IResult> ListAsync(IIngestStore store, TimeProvider clock, CancellationToken ct)
    {
        var jobs = await store.ListJobsAsync(ct);
        var now = clock.GetUtcNow();
        return Results.Ok(jobs.Select(j => JobResponse.From(j.Job, j.LastRun, now)).ToArray());
    }

    private static async Task<IResult> GetAsync(string id, IIngestStore store, TimeProvider clock, CancellationToken ct)
    {
        var job = await store.GetJobAsync(id, ct);
        if (job is null)
            return Problems.JobNotFound(id);
        return Results.Ok(JobResponse.From(job, await LastRunAsync(store, id, ct), clock.GetUtcNow()));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpRequest request, IIngestStore store, IFileStorage storage, TimeProvider clock, CancellationToken ct)
    {
        var existing = await store.GetJobAsync(id, ct);
        if (existing is null)
            return Problems.JobNotFound(id);
        var (definition, warnings, problem) = await ReadDefinitionAsync(request, Validator(storage), ct);
        if (problem is not null)
            return problem;
        var job = existing with { Definition = definition!, UpdatedAt = clock.GetUtcNow() };
        try
        {
            if (!await store.UpdateJobAsync(job, ct))
                return Problems.JobNotFound(id);
        }
        catch (DuplicateJobNameException)
        {
            return Problems.DuplicateName(definition!.Name);
        }
        return Results.Ok(JobResponse.From(job, await LastRunAsync(store, id, ct), clock.GetUtcNow(), warnings));
    }

    private static async Task<IResult> DeleteAsync(string id, IIngestStore store, CancellationToken ct) =>
        await store.DeleteJobAsync(id, ct) ? Results.NoContent() : Problems.JobNotFound(id);

    private static async Task<IResult> StartRunAsync(string id, HttpRequest request, IIngestStore store, RunService runs, CancellationToken ct)
    {
        var job = await store.GetJobAsync(id, ct);
        if (job is null)
            return Problems.JobNotFound(id);
        var result = await runs.StartAsync(job, "manual", null, ct);
        if (result.Run is not { } run)
            return Problems.RunActive(job.Definition.Name, result.ActiveRun!);
        return RunEndpoints.Accepted(request, run);
    }

    private static async Task<IResult> ListRunsAsync(string id, HttpRequest request, IIngestStore store, CancellationToken ct)
    {
        if (await store.GetJobAsync(id, ct) is null)
            return Problems.JobNotFound(id);
        return await RunEndpoints.ListAsync(request, store, id, ct);
    }

    private static async Task<RunRecord?> LastRunAsync(IIngestStore store, string jobId, CancellationToken ct)
    {
        var page = await store.ListRunsAsync(new RunQuery(JobId: jobId, Take: 1), ct);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>The one place save-time validation meets storage: it looks at the first source file through this probe.</summary>
    private static JobValidator Validator(IFileStorage storage) => new(new StorageSourceFileProbe(storage));

    /// <summary>The body parsed, then validated (settings, transforms against the source's columns); any problem is a 400.</summary>
    private static async Task<(JobDefinition?, IReadOnlyList<string>, IResult?)> ReadDefinitionAsync(HttpRequest request, JobValidator validator, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException ex)
        {
            return (null, [], Problems.InvalidJson(ex.Message));
        }
        JobDefinition? definition;
        using (document)
        {
            (definition, var errors) = JobRequestParser.Parse(document.RootElement);
            if (definition is null)
                return (null, [], Problems.Invalid(errors, "The job definition is invalid"));
        }
        var validation = await validator.ValidateAsync(definition, ct);
        if (!validation.IsValid)
            return (null, [], Problems.Invalid(validation.Errors.ToDictionary(e => e.Key, e => e.Value), "The job definition is invalid"));
        return (definition, validation.Warnings, null);
    }
}
