using System.Text.Json;
using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Json;

/// <summary>
/// Flattens a record into leaf values keyed by dotted path ("address.city"): nested objects are walked, everything
/// else (scalars, arrays, null) is a leaf. Paths are numbered in first-seen order over the whole file.
/// </summary>
internal sealed class JsonColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _paths = [];
    private readonly List<(int Column, JsonElement Value)> _leaves = [];
    private readonly string _file;
    private readonly int _maxColumns;

    public JsonColumns(string file, int maxColumns)
    {
        _file = file;
        _maxColumns = maxColumns;
    }

    public IReadOnlyList<string> Paths => _paths;

    /// <summary>The record's leaves (reused list). New paths are added when <paramref name="addNew"/>; else they are skipped and counted in <paramref name="unknown"/>.</summary>
    public List<(int Column, JsonElement Value)> Flatten(JsonElement record, bool addNew, out int unknown)
    {
        _leaves.Clear();
        unknown = 0;
        Walk(record, "", addNew, ref unknown);
        return _leaves;
    }

    private void Walk(JsonElement obj, string prefix, bool addNew, ref int unknown)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                Walk(value, path + ".", addNew, ref unknown);
                continue;
            }
            if (!_index.TryGetValue(path, out int column))
            {
                if (!addNew)
                {
                    unknown++;
                    continue;
                }
                if (_paths.Count >= _maxColumns)
                    throw IngestErrors.JsonTooManyColumns(_file, _maxColumns);
                column = _paths.Count;
                _index.Add(path, column);
                _paths.Add(path);
            }
            _leaves.Add((column, value));
        }
    }
}
