using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsIngest.App.Endpoints;
using FunctionsIngest.App.Functions;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsIngest.App.Hosting;

/// <summary>
/// Compile-time serialisers for every body the app reads or writes, including the runtime types of the object-typed
/// members (a source view's settings, an invocation's outputs, a problem's extensions). HTTP JSON resolves through this context only, so a
/// type missing here fails in tests as in the native build.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(JobResponse))]
[JsonSerializable(typeof(JobResponse[]))]
[JsonSerializable(typeof(RunStartedResponse))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(PageResponse<RunResponse>))]
[JsonSerializable(typeof(PageResponse<LogResponse>))]
[JsonSerializable(typeof(InvocationRequest))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(StepMessage))]
[JsonSerializable(typeof(StepMessage[]))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(SchemaColumnView[]))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
