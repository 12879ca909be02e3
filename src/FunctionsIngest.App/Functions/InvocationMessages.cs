using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsIngest.App.Functions;

/// <summary>What the Functions host posts for a non-HTTP invocation: trigger data and metadata.</summary>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata);

/// <summary>What the host expects back: output bindings by name, log lines, a return value.</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);

/// <summary>The queue message that wakes a worker for a run: "claim a step of this run and execute it".</summary>
public sealed record StepMessage([property: JsonPropertyName("runId")] string RunId);

/// <summary>Reads queue messages the way the host delivers them: an object, or a JSON string holding the object.</summary>
public static class StepMessages
{
    public static bool TryRead(InvocationRequest request, string binding, out StepMessage? message, out string? problem)
    {
        message = null;
        problem = null;
        if (request.Data is null || !request.Data.TryGetValue(binding, out var value))
        {
            problem = $"the invocation has no '{binding}' data";
            return false;
        }
        // The host serialises string trigger values a second time, so the message may arrive as a JSON string.
        for (var depth = 0; depth < 3 && value.ValueKind == JsonValueKind.String; depth++)
        {
            try
            {
                value = JsonDocument.Parse(value.GetString()!).RootElement;
            }
            catch (JsonException)
            {
                problem = "the message is not JSON";
                return false;
            }
        }
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("runId", out var runId)
            && runId.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(runId.GetString()))
        {
            message = new StepMessage(runId.GetString()!);
            return true;
        }
        problem = "the message has no 'runId'";
        return false;
    }

    public static int DequeueCount(InvocationRequest request) =>
        request.Metadata?.TryGetValue("DequeueCount", out var count) == true
            ? count.ValueKind == JsonValueKind.Number ? count.GetInt32() : int.TryParse(count.GetString(), out var n) ? n : 0
            : 0;
}
