using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>Pass 2: appends a sheet row's cells to the batch's typed vectors, converting to each column's inferred type.</summary>
internal static class BatchFiller
{
    /// <summary>False when a cell does not fit its column (the source changed between passes); <paramref name="badColumn"/> says which.</summary>
    public static bool TryAppendRow(RecordBatch batch, RowBuffer row, int firstColumn, out int badColumn)
    {
        var columns = batch.Columns;
        for (int i = 0; i < columns.Length; i++)
        {
            if (!TryAppend(columns[i], row.Get(firstColumn + i)))
            {
                badColumn = firstColumn + i;
                return false;
            }
        }
        badColumn = -1;
        return true;
    }

    public static void AppendNullRow(RecordBatch batch)
    {
        foreach (var column in batch.Columns)
            column.AppendNull();
    }

    public static bool TryAppend(ColumnVector vector, in CellValue cell)
    {
        if (cell.Kind is CellKind.Blank || cell.IsWarning)
        {
            vector.AppendNull();
            return true;
        }
        switch (vector.Type)
        {
            case ColumnType.String:
                ((StringVector)vector).Append(CellText.Render(cell)!);
                return true;
            case ColumnType.Int64 when cell.Kind == CellKind.Number:
                ((PrimitiveVector<long>)vector).Append((long)cell.Number);
                return true;
            case ColumnType.Double when cell.Kind == CellKind.Number:
                ((PrimitiveVector<double>)vector).Append(cell.Number);
                return true;
            case ColumnType.Boolean when cell.Kind == CellKind.Boolean:
                ((PrimitiveVector<bool>)vector).Append(cell.Number != 0);
                return true;
            case ColumnType.Date when cell.Kind == CellKind.DateTime:
                ((PrimitiveVector<int>)vector).Append((int)(cell.Micros / ExcelDateConverter.MicrosPerDay));
                return true;
            case ColumnType.Timestamp when cell.Kind == CellKind.DateTime:
            case ColumnType.Time when cell.Kind == CellKind.Time:
                ((PrimitiveVector<long>)vector).Append(cell.Micros);
                return true;
            default:
                return false; // pass 1 saw the same cells, so the source changed between passes

        }
    }
}
