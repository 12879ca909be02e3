using FunctionsIngest.Data;

namespace FunctionsIngest.Transforms.Engine;

/// <summary>
/// A column at some point of the pipeline; <see cref="Origin"/> is the input column it derives from, if one.
/// <see cref="Typed"/> is false for an input column whose type is not known yet (checking a job before its data exists).
/// </summary>
internal sealed record Slot(string Name, ColumnType Type, bool Nullable, string? Origin, bool Typed = true);

/// <summary>The columns as they stand while specs are compiled, plus the validation errors found so far.</summary>
internal sealed class SchemaPlan
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public SchemaPlan(TableSchema input) : this(TransformInput.Exactly(input))
    {
    }

    public SchemaPlan(TransformInput input)
    {
        Slots = input.Columns.Select(c => new Slot(c.Name, c.Type ?? ColumnType.String, true, c.Name, c.Type is not null)).ToList();
        Open = input.MoreColumnsMayExist;
        _seen.UnionWith(Slots.Select(s => s.Name));
    }

    public List<Slot> Slots { get; }

    public List<TransformError> Errors { get; } = [];

    /// <summary>True while a column not listed may still be an input column (until a select fixes the set).</summary>
    public bool Open { get; set; }

    /// <summary>Columns the specs name that were assumed to be input columns (only when <see cref="Open"/>).</summary>
    public List<string> Assumed { get; } = [];

    public int Index { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The slot index of a column (case-insensitive), or -1 after recording a "missing column" error.</summary>
    public int Require(string? name)
    {
        _seen.UnionWith(Slots.Select(s => s.Name));
        int i = Find(name);
        if (i >= 0)
            return i;
        // A name that existed earlier in the list was renamed or removed, so it cannot be an unseen input column.
        if (Open && !string.IsNullOrWhiteSpace(name) && _seen.Add(name))
        {
            Assumed.Add(name);
            Slots.Add(new Slot(name, ColumnType.String, true, name, Typed: false));
            return Slots.Count - 1;
        }
        Errors.Add(new TransformError(Index, Kind, name, IngestErrors.SpecColumnMissing(Index, Kind, name ?? "(none)", Slots.Select(s => s.Name))));
        return -1;
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
            Errors.Add(new TransformError(Index, Kind, name, IngestErrors.SpecColumnExists(Index, Kind, name)));
            return false;
        }
        return true;
    }

    public void Invalid(string reason) => Errors.Add(new TransformError(Index, Kind, null, IngestErrors.SpecInvalid(Index, Kind, reason)));

    public TableSchema ToSchema() => new(Slots.Select(s => new ColumnSchema(s.Name, s.Type, s.Nullable)).ToArray());
}
