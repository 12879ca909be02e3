using FunctionsIngest.App.Endpoints;
using FunctionsIngest.App.Hosting;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Scheduling;
using FunctionsIngest.Store;

namespace FunctionsIngest.App.Functions;

/// <summary>
/// The non-HTTP functions' invocation endpoints (POST /{FunctionName}) and the root the host polls at start.
/// Step work is carried by "wake-up" messages ({"runId"}): any worker may take any claimable step of the run,
/// so a duplicated or lost message costs nothing; the timer re-sends wake-ups for runs with waiting work.
/// </summary>
public static class FunctionsEndpoints
{
    /// <summary>At most this many wake-ups are sent per invocation (the run's fan-out width).</summary>
    public const int MaxWakeUps = 32;

    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Results.Ok(new HealthResponse("ready")));
        routes.MapPost($"/{FunctionsMode.TimerFunction}", TickAsync);
        routes.MapPost($"/{FunctionsMode.StepFunction}", StepAsync);
        routes.MapPost($"/{FunctionsMode.PoisonFunction}", PoisonAsync);
        return routes;
    }

    private static async Task<IResult> TickAsync(SchedulerTick tick, IIngestStore store, TimeProvider clock, CancellationToken ct)
    {
        var result = await tick.TickAsync(ct);
        var waiting = await store.CountClaimableStepsAsync(clock.GetUtcNow(), null, ct);
        var wakeUps = waiting.SelectMany(w => Enumerable.Repeat(new StepMessage(w.Key), Math.Min(w.Value, MaxWakeUps))).ToArray();
        return Results.Ok(new InvocationResponse(
            new() { ["next"] = wakeUps },
            [$"Scheduler tick: {result.JobsEvaluated} scheduled job(s), {result.RunsCreated} run(s) created, {result.SkippedOverlapping} skipped; {wakeUps.Length} wake-up(s) sent."],
            null));
    }

    private static async Task<IResult> StepAsync(InvocationRequest request, StepRunner runner, IIngestStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!StepMessages.TryRead(request, "msg", out var message, out var problem))
            // A malformed message can never succeed: acknowledge it (2xx) so the host does not retry it into the poison queue.
            return Results.Ok(new InvocationResponse(new(), [$"Ignored a step message: {problem}."], null));
        var owner = $"functions:{Environment.MachineName}:{Environment.ProcessId}";
        var outcome = await runner.ExecuteNextAsync(owner, ct, message!.RunId);
        if (outcome == StepOutcome.RetryScheduled)
            // Non-2xx: the host makes the message visible again after its visibility timeout and redelivers it, so the
            // retry needs no timer tick; past maxDequeueCount the message goes to the poison queue (RunStepPoison).
            return Results.Json(new InvocationResponse(new(), [$"A step of run {message.RunId} failed and is scheduled for a retry."], null), AppJsonContext.Default.InvocationResponse, statusCode: StatusCodes.Status500InternalServerError);
        var waiting = await store.CountClaimableStepsAsync(clock.GetUtcNow(), message.RunId, ct);
        var count = waiting.TryGetValue(message.RunId, out var n) ? Math.Min(n, MaxWakeUps) : 0;
        return Results.Ok(new InvocationResponse(
            new() { ["next"] = Enumerable.Repeat(message, count).ToArray() },
            [outcome == StepOutcome.NoneClaimable ? $"Run {message.RunId} had no claimable step." : $"Executed a step of run {message.RunId} ({outcome}); {count} more claimable."],
            null));
    }

    private static async Task<IResult> PoisonAsync(InvocationRequest request, IIngestStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!StepMessages.TryRead(request, "msg", out var message, out var problem))
            return Results.Ok(new InvocationResponse(new(), [$"Ignored a poison message: {problem}."], null));
        var run = await store.GetRunAsync(message!.RunId, ct);
        if (run is null || run.Status.IsFinal())
            return Results.Ok(new InvocationResponse(new(), [$"Run {message.RunId} is already final or gone."], null));
        // A job may allow more attempts than the queue has deliveries (maxDequeueCount): a step that failed and still
        // has attempts left keeps its retry, which the timer's wake-ups deliver.
        var retry = IngestJson.Deserialize<JobDefinition>(run.JobSnapshot).Retry ?? RetryPolicy.Default;
        var retrying = (await store.GetStepsAsync(run.Id, ct)).FirstOrDefault(s => s.Status is StepStatus.Pending or StepStatus.Running && s.Attempt > 0 && s.Attempt < retry.MaxAttempts);
        if (retrying is not null)
            return Results.Ok(new InvocationResponse(new(),
                [$"Run {run.Id}: a poison message, but its step has attempts left ({retrying.Attempt} of {retry.MaxAttempts}); the retry goes on."], null));
        var now = clock.GetUtcNow();
        var reason = "A step message of this run failed every delivery attempt and reached the poison queue; the run is stopped.";
        await store.UpdateActiveRunAsync(run with { Status = RunStatus.Failed, Error = reason, CompletedAt = now, LastUpdatedAt = now }, ct);
        await store.AppendLogsAsync([new RunLogEntry { RunId = run.Id, Timestamp = now, Level = RunLogLevel.Error, Step = "run", Message = reason }], ct);
        return Results.Ok(new InvocationResponse(new(), [$"Run {run.Id} marked Failed: poison message."], null));
    }
}
