namespace FunctionsIngest.Jobs.Validation;

/// <summary>
/// The outcome of validating a job: problems by field path ("source.delimiter", "transforms[2].column"), and warnings
/// about what could not be checked yet (e.g. no source file exists, so column names are checked at run start).
/// </summary>
public sealed record JobValidation(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Collects problems by field path, several per field, in the order found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
