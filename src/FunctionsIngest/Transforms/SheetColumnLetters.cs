namespace FunctionsIngest.Transforms;

/// <summary>
/// The spreadsheet column letter ("C") of each input column, per sheet the rows come from: several sheets read as one
/// table are matched by column name, so a column may sit under a different letter in each. Rows name their sheet by
/// index (see <see cref="TransformPipeline.Process"/>).
/// </summary>
public sealed class SheetColumnLetters
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<IReadOnlyList<string?>> _bySheet;

    /// <param name="columns">The input column names.</param>
    /// <param name="lettersBySheet">Per sheet, the letter of each of <paramref name="columns"/> in order; null where the sheet lacks it.</param>
    public SheetColumnLetters(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> lettersBySheet)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(lettersBySheet);
        if (lettersBySheet.Any(letters => letters.Count != columns.Count))
            throw new ArgumentException($"Each sheet needs one letter (or null) per column, {columns.Count} in all.", nameof(lettersBySheet));
        for (int i = 0; i < columns.Count; i++)
            _columns.TryAdd(columns[i], i);
        _bySheet = lettersBySheet;
    }

    /// <summary>The letter of <paramref name="column"/> in sheet <paramref name="sheet"/>; null when that sheet has no such column.</summary>
    public string? Find(int sheet, string column) =>
        (uint)sheet < (uint)_bySheet.Count && _columns.TryGetValue(column, out int index) ? _bySheet[sheet][index] : null;
}
