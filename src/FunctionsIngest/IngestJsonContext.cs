using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsIngest.Jobs;
using FunctionsIngest.Runs;
using FunctionsIngest.Runs.Steps;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest;

/// <summary>
/// Compile-time serialisers for every type the product writes or reads as JSON with <see cref="IngestJson"/>. The
/// options resolve types through this context only, so a type missing here fails in tests as in the native build.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(JobDefinition))]
[JsonSerializable(typeof(TransformSpec))]
[JsonSerializable(typeof(List<TransformSpec>))]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(IReadOnlyList<WorkItem>))]
[JsonSerializable(typeof(CopyOutput))]
[JsonSerializable(typeof(CommitOutput))]
[JsonSerializable(typeof(RerunPlan))]
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;

/// <summary>The store's JSON columns: plain web conventions (enums as numbers unless a member says otherwise), as written since the first release.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobDefinition))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
