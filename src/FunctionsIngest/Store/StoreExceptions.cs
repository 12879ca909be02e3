namespace FunctionsIngest.Store;

/// <summary>A job with the same name already exists.</summary>
public sealed class DuplicateJobNameException(string name) : Exception($"A job named '{name}' already exists.")
{
    public string Name { get; } = name;
}
