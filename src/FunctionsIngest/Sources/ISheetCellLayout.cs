namespace FunctionsIngest.Sources;

/// <summary>
/// A spreadsheet reader that knows which sheet column each schema column came from, in each sheet it reads (columns of
/// several sheets are matched by name, so "amount" may be C in one sheet and E in the next), and which sheet each row
/// of its last batch came from. Together with Text.ISourceRowNumbers it gives every value's exact cell address.
/// </summary>
public interface ISheetCellLayout
{
    /// <summary>
    /// Per sheet giving rows, in the order their rows appear: the column letter ("C") of each schema column, in schema
    /// order; null where that sheet lacks the column or the column is not read from cells ("_sheet").
    /// </summary>
    IReadOnlyList<IReadOnlyList<string?>> ColumnLettersBySheet { get; }

    /// <summary>One index into <see cref="ColumnLettersBySheet"/> per row of the batch last returned by ReadNextBatch.</summary>
    ReadOnlySpan<int> LastBatchSheets { get; }
}
