namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>What a cell's number format says its number means.</summary>
internal enum NumberFormatKind : byte
{
    /// <summary>A plain number (General, fixed, currency, percent, scientific, text).</summary>
    Number,
    /// <summary>A date, possibly with a time of day: the number is a date serial.</summary>
    DateTime,
    /// <summary>A time of day or an elapsed time only: serials in [0,1) are times of day.</summary>
    Time,
}
