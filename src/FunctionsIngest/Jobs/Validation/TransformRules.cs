using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Jobs.Validation;

/// <summary>Transform problems reported under the field that holds the fault: "transforms[2].from", or "transforms[2]" for the spec as a whole.</summary>
internal static class TransformRules
{
    public static void Report(IReadOnlyList<TransformSpec> specs, IReadOnlyList<TransformError> found, FieldErrors errors)
    {
        foreach (var error in found)
            errors.Add(Field(specs[error.Index], error), error.Message);
    }

    /// <summary>Problems that do not depend on the input at all, e.g. a spec left null by the JSON.</summary>
    public static bool CheckPresent(IReadOnlyList<TransformSpec?> specs, FieldErrors errors)
    {
        bool ok = true;
        for (int i = 0; i < specs.Count; i++)
        {
            if (specs[i] is null)
            {
                errors.Add($"transforms[{i}]", "must be a transform object with a \"type\".");
                ok = false;
            }
        }
        return ok;
    }

    private static string Field(TransformSpec spec, TransformError error)
    {
        var at = $"transforms[{error.Index}]";
        if (error.Column is not { } column)
            return at;
        var property = spec switch
        {
            RenameSpec r => string.Equals(r.From, column, StringComparison.OrdinalIgnoreCase) ? "from" : "to",
            SelectSpec => "columns",
            MetadataSpec => "columns",
            SplitSpec s => string.Equals(s.Column, column, StringComparison.OrdinalIgnoreCase) ? "column" : "into",
            JoinSpec j => j.Columns?.Contains(column, StringComparer.OrdinalIgnoreCase) == true ? "columns" : "into",
            _ => "column",
        };
        return $"{at}.{property}";
    }
}
