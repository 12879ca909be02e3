using System.Runtime.CompilerServices;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>Pass 2: appends a sheet row's cells to the batch's typed vectors, converting to each column's inferred type.</summary>
internal static class BatchFiller
{
    /// <summary>False when a cell does not fit its column (the source changed between passes); <paramref name="badColumn"/> says which.</summary>
    public static bool TryAppendRow(RecordBatch batch, RowBuffer row, int firstColumn, DeferredSharedText deferred, out int badColumn)
    {
        var columns = batch.Columns;
        for (int i = 0; i < columns.Length; i++)
        {
            if (!TryAppend(columns[i], row.Get(firstColumn + i), deferred, i))
            {
                badColumn = firstColumn + i;
                return false;
            }
        }
        badColumn = -1;
        return true;
    }

    /// <summary>
    /// Pass 2 straight from the spool (no row buffer): the current spool row's <paramref name="cellCount"/> cells, which
    /// must come in ascending column order, then nulls for the columns it does not hold. Same result as
    /// <see cref="TryAppendRow"/>; cells outside the table's columns are ignored like there.
    /// </summary>
    public static bool TryAppendSpooled(RecordBatch batch, RowSpool spool, int cellCount, int firstColumn, out int badColumn)
    {
        var columns = batch.Columns;
        int next = 0;
        for (int i = 0; i < cellCount; i++)
        {
            int column = spool.ReadCell(out var cell);
            int index = column - firstColumn;
            if ((uint)index >= (uint)columns.Length)
                continue;
            while (next < index)
                columns[next++].AppendNull();
            if (!TryAppend(columns[index], cell))
            {
                badColumn = column;
                return false;
            }
            next = index + 1;
        }
        while (next < columns.Length)
            columns[next++].AppendNull();
        badColumn = -1;
        return true;
    }

    public static void AppendNullRow(RecordBatch batch)
    {
        foreach (var column in batch.Columns)
            column.AppendNull();
    }

    public static bool TryAppend(ColumnVector vector, in CellValue cell) => TryAppend(vector, cell, null, -1);

    /// <summary>Appends <paramref name="cell"/> to batch column <paramref name="column"/>; shared text not yet read (Text null) goes to <paramref name="deferred"/>.</summary>
    public static bool TryAppend(ColumnVector vector, in CellValue cell, DeferredSharedText? deferred, int column)
    {
        if (cell.Kind is CellKind.Blank || cell.IsWarning)
        {
            vector.AppendNull();
            return true;
        }
        switch (vector.Type)
        {
            case ColumnType.String when cell.Kind == CellKind.Text && cell.Text is null && deferred is not null:
                deferred.Append((StringVector)vector, column, cell.SharedIndex);
                return true;
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

    /// <summary>
    /// The value of a placeholder row of an Int64 or Double column from a plain number's text, in fewer steps than
    /// parsing it to a cell and <see cref="TrySetNumber"/>, with the same result: an Int64 takes a whole number of at
    /// most 15 digits (exact as a double too), a Double any number. False for anything else, left to those steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySetPlainNumber(ColumnVector vector, int row, ReadOnlySpan<byte> text)
    {
        switch (vector.Type)
        {
            case ColumnType.Int64 when text.Length <= 15 && FastNumbers.TryInt64(text, out long whole):
                ((PrimitiveVector<long>)vector).Values[row] = whole;
                return true;
            case ColumnType.Double when FastNumbers.TryDouble(text, (byte)'.', out double number):
                ((PrimitiveVector<double>)vector).Values[row] = number;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The value of a placeholder row from a date-formatted cell's text, with the result of the full steps: for a Date
    /// column, a whole serial past the 1900 system's phantom leap day (or any whole serial in the 1904 system) and
    /// before 10000-01-01 becomes its days without the conversion to microseconds; for a Timestamp column, a serial
    /// <see cref="ExcelDateConverter.TryToMicros"/> takes becomes its microseconds. False for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySetDateSerial(ColumnVector vector, int row, ReadOnlySpan<byte> text, bool date1904)
    {
        if (vector.Type == ColumnType.Timestamp)
        {
            if (!FastNumbers.TryDouble(text, (byte)'.', out double number) || !ExcelDateConverter.TryToMicros(number, date1904, out long micros))
                return false;
            ((PrimitiveVector<long>)vector).Values[row] = micros;
            return true;
        }
        if (vector.Type != ColumnType.Date || text.Length > 7 || !FastNumbers.TryInt64(text, out long serial)
            || serial < (date1904 ? 0 : 61) || serial >= ExcelDateConverter.SerialLimit(date1904))
            return false;
        ((PrimitiveVector<int>)vector).Values[row] = (int)(serial + ExcelDateConverter.EpochDays(date1904));
        return true;
    }

    /// <summary>The value of a placeholder row, converted as <see cref="TryAppend(ColumnVector, in CellValue, DeferredSharedText?, int)"/> converts; false when the cell does not fit.</summary>
    public static bool TrySetNumber(ColumnVector vector, int row, in CellValue cell)
    {
        switch (vector.Type)
        {
            case ColumnType.Int64 when cell.Kind == CellKind.Number:
                ((PrimitiveVector<long>)vector).Values[row] = (long)cell.Number;
                return true;
            case ColumnType.Double when cell.Kind == CellKind.Number:
                ((PrimitiveVector<double>)vector).Values[row] = cell.Number;
                return true;
            case ColumnType.Date when cell.Kind == CellKind.DateTime:
                ((PrimitiveVector<int>)vector).Values[row] = (int)(cell.Micros / ExcelDateConverter.MicrosPerDay);
                return true;
            case ColumnType.Timestamp when cell.Kind == CellKind.DateTime:
            case ColumnType.Time when cell.Kind == CellKind.Time:
                ((PrimitiveVector<long>)vector).Values[row] = cell.Micros;
                return true;
            default:
                return false;
        }
    }
}
