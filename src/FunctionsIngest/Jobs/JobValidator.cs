using FunctionsIngest.Data;
using FunctionsIngest.Datasets;
using FunctionsIngest.Jobs.Validation;
using FunctionsIngest.Storage;
using FunctionsIngest.Transforms;

namespace FunctionsIngest.Jobs;

/// <summary>
/// Validates a job when it is saved, so a bad setting or a transform naming a missing column fails then, not at the
/// first run. Transforms are checked against the source's columns as far as they can be known now: the first file
/// matching the source path when one exists (read through <see cref="Sources.TableSources"/>, bounded work), else
/// the declared schema; what cannot be checked yet is reported as a warning and checked when a run starts.
/// </summary>
public sealed class JobValidator(ISourceFileProbe files)
{
    public async Task<JobValidation> ValidateAsync(JobDefinition job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var errors = new FieldErrors();
        var warnings = new List<string>();
        SourceSettingsRules.Check(job.Source, errors);
        CheckQuarantine(job, errors, warnings);
        var transforms = job.Transforms ?? [];
        bool specsPresent = TransformRules.CheckPresent(transforms, errors);
        // Reading a file with settings already known to be wrong would only repeat their errors.
        if (errors.Count > 0 || !specsPresent || (transforms.Count == 0 && job.Source.Schema is not { Count: > 0 }))
        {
            if (specsPresent && transforms.Count > 0)
                TransformRules.Report(transforms, TransformPipeline.Check(TransformInput.Unknown, transforms).Errors, errors);
            return new JobValidation(errors.ToDictionary(), warnings);
        }
        var probed = await SourceInputProbe.ProbeAsync(job.Source, files, ct);
        if (probed.ReadError is { } readError)
            errors.Add("source", readError);
        var check = TransformPipeline.Check(probed.Input, transforms);
        TransformRules.Report(transforms, check.Errors, errors);
        if (probed.Limitation is { } limitation && check.AssumedColumns.Count > 0)
            warnings.Add(IngestErrors.ColumnsCheckedAtRunStart(limitation, check.AssumedColumns));
        else if (probed.Limitation is { } typesUnknown && transforms.Count > 0 && probed.Input.Columns.Any(c => c.Type is null))
            warnings.Add(IngestErrors.TransformsCheckedAtRunStart(typesUnknown + " Column names were checked; column types were not."));
        return new JobValidation(errors.ToDictionary(), warnings);
    }

    /// <summary>The source's settings checked without reading any file (what the CLI can check before converting).</summary>
    public static IReadOnlyDictionary<string, string[]> CheckSourceSettings(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new FieldErrors();
        SourceSettingsRules.Check(source, errors);
        return errors.ToDictionary();
    }

    private static void CheckQuarantine(JobDefinition job, FieldErrors errors, List<string> warnings)
    {
        if (job.Quarantine is not { } quarantine)
            return;
        if (quarantine.Path is { } path)
        {
            if (StoragePaths.Validate(path) is { } problem)
                errors.Add("quarantine.path", $"{problem}.");
            else if (Overlaps(path, job.Destination.Path))
                errors.Add("quarantine.path", $"must be a folder of its own, not '{job.Destination.Path}' (the destination), inside it, or around it.");
        }
        if (quarantine.Compression is { } compression && !CompressionNames.TryParse(compression, out _))
            errors.Add("quarantine.compression", $"'{compression}' is not supported; use one of: {string.Join(", ", CompressionNames.All)}.");
        if (!JobTransforms.CanQuarantine(job.Transforms))
            warnings.Add("A quarantine dataset is set but no transform can quarantine rows (a required, regex, range or allowed rule, or a cast with onError \"quarantine\"); it will stay empty.");
    }

    private static bool Overlaps(string a, string b)
    {
        static string Folder(string p) => p.Replace('\\', '/').Trim('/') + "/";
        var (x, y) = (Folder(a), Folder(b));
        return x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal);
    }
}
