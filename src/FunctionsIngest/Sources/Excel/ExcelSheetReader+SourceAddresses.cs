using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Excel;

/// <summary>
/// Where each row of the last batch sits in the workbook: its row number in its own sheet (so a detected header, a
/// range, skipped hidden rows and several sheets all keep the sheet's numbering) and which sheet it came from.
/// </summary>
public abstract partial class ExcelSheetReader : ISourceRowNumbers, ISheetCellLayout
{
    /// <summary>The sheet row of each row of the last batch.</summary>
    public ReadOnlySpan<long> LastBatchRowNumbers => _last.RowNumbers.AsSpan(0, _last.Batch.RowCount);

    /// <summary>Per row of the last batch, its sheet's index among the sheets giving rows (a sheet without a table gives none).</summary>
    public ReadOnlySpan<int> LastBatchSheets => _last.Sheets.AsSpan(0, _last.Batch.RowCount);

    public IReadOnlyList<IReadOnlyList<string?>> ColumnLettersBySheet { get; }

    private void NoteSourceOfNextRow()
    {
        int row = _filling.Batch.RowCount;
        _filling.RowNumbers[row] = _nextRow;
        _filling.Sheets[row] = _segment;
    }

    private static IReadOnlyList<string?>[] LettersBySegment(TableLayout layout) =>
        layout.Segments
            .Select(s => (IReadOnlyList<string?>)Array.ConvertAll(s.SheetColumnOf, c => c < 0 ? null : CellReference.ColumnName(c)))
            .ToArray();
}
