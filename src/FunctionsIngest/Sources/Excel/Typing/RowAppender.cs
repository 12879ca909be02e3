using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// Pass 2 for every layout but the plain one: fills "_sheet", reads each output column from its sheet column (null
/// where the sheet lacks it), converts override columns, and enforces non-nullable columns. Failures name the file,
/// sheet, cell and column.
/// </summary>
internal sealed class RowAppender
{
    private readonly TableLayout _layout;
    private readonly string _file;

    public RowAppender(TableLayout layout, string file)
    {
        _layout = layout;
        _file = file;
    }

    public void Append(RecordBatch batch, RowBuffer row, SheetSegment segment, DeferredSharedText deferred)
    {
        var columns = batch.Columns;
        var map = segment.SheetColumnOf;
        int first = 0;
        if (_layout.HasSheetColumn)
        {
            ((StringVector)columns[0]).Append(segment.SheetName);
            first = 1;
        }
        for (int i = first; i < columns.Length; i++)
        {
            int sheetColumn = map[i];
            var cell = sheetColumn < 0 ? default : row.Get(sheetColumn);
            if (cell.Kind is CellKind.Blank || cell.IsWarning)
            {
                if (!_layout.Schema[i].Nullable)
                    throw IngestErrors.MissingRequiredCell(_file, segment.SheetName, Where(sheetColumn, row.RowNumber), _layout.Schema[i].Name);
                columns[i].AppendNull();
                continue;
            }
            var converter = _layout.Converters[i];
            if (converter is not null)
            {
                if (!converter.TryAppend(columns[i], cell))
                    throw IngestErrors.BadCellValue(_file, segment.SheetName, Where(sheetColumn, row.RowNumber), _layout.Schema[i].Name, CellText.Render(cell) ?? "", converter.Type);
            }
            else if (!BatchFiller.TryAppend(columns[i], cell, deferred, i))
            {
                throw IngestErrors.SheetChangedWhileReading(_file, segment.SheetName, Where(sheetColumn, row.RowNumber));
            }
        }
    }

    private static string Where(int sheetColumn, int row) =>
        sheetColumn < 0 ? "row " + row.ToString(System.Globalization.CultureInfo.InvariantCulture) : CellReference.Format(sheetColumn, row);
}
