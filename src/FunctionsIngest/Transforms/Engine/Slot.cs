using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>A column at some point of the pipeline; <see cref="Origin"/> is the input column it derives from, if one.</summary>
internal sealed record Slot(string Name, ColumnType Type, bool Nullable, string? Origin);

/// <summary>The columns as they stand while specs are compiled, plus the validation errors found so far.</summary>
internal sealed class SchemaPlan
{
    public SchemaPlan(TableSchema input) =>
        Slots = input.Columns.Select(c => new Slot(c.Name, c.Type, c.Nullable, c.Name)).ToList();

    public List<Slot> Slots { get; }

    public List<string> Errors { get; } = [];

    public int Index { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The slot index of a column (case-insensitive), or -1 after recording a "missing column" error.</summary>
    public int Require(string? name)
    {
        int i = Find(name);
        if (i < 0)
            Errors.Add(IngestErrors.SpecColumnMissing(Index, Kind, name ?? "(none)", Slots.Select(s => s.Name)));
        return i;
    }

    public int Find(string? name) => name is null ? -1 : Slots.FindIndex(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>False (with an error) when the name is empty or taken by a column other than <paramref name="except"/>.</summary>
    public bool CheckNew(string? name, int except = -1)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Invalid("a column name is empty.");
            return false;
        }
        int i = Find(name);
        if (i >= 0 && i != except)
        {
            Errors.Add(IngestErrors.SpecColumnExists(Index, Kind, name));
            return false;
        }
        return true;
    }

    public void Invalid(string reason) => Errors.Add(IngestErrors.SpecInvalid(Index, Kind, reason));

    public TableSchema ToSchema() => new(Slots.Select(s => new ColumnSchema(s.Name, s.Type, s.Nullable)).ToArray());
}
