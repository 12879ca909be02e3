namespace FunctionsIngest.App.Endpoints;

/// <summary>The RFC 7807 problem responses of the API, worded in one place.</summary>
public static class Problems
{
    public static IResult JobNotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has id '{id}'.");

    public static IResult RunNotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"No run has id '{id}'.");

    public static IResult DuplicateName(string name) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Duplicate job name", detail: $"A job named '{name}' already exists.");

    public static IResult RunActive(string jobName, Runs.RunRecord active) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job is already running",
            detail: $"Job '{jobName}' has an active run ({active.Id}, {active.Status}) and its overlap policy is 'skip'.",
            extensions: new Dictionary<string, object?> { ["activeRunId"] = active.Id, ["activeRunUri"] = $"/api/runs/{active.Id}" });

    public static IResult RunConflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult InvalidJson(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON", detail: detail);

    public static IResult Invalid(IDictionary<string, string[]> errors, string title = "The request is invalid") =>
        Results.ValidationProblem(errors, title: title);
}
