namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>What a worksheet cell holds once read; the null kinds carry why they are null.</summary>
internal enum CellKind : byte
{
    Blank,
    Number,
    Text,
    Boolean,
    /// <summary>A date serial (or t="d" value) converted to microseconds since 1970-01-01.</summary>
    DateTime,
    /// <summary>A time of day in microseconds since midnight.</summary>
    Time,
    /// <summary>An Excel error (#DIV/0!...): read as null with a warning.</summary>
    Error,
    /// <summary>A formula with no cached value: read as null with a warning.</summary>
    NoCachedValue,
    /// <summary>A date-formatted number that is no real date (negative, serial 60, past 9999): null with a warning.</summary>
    InvalidDate,
}

/// <summary>
/// One cell's value without boxing: <see cref="Number"/> for numbers and booleans (0/1), <see cref="Micros"/>
/// for DateTime and Time, <see cref="Text"/> for text (and the error code or offending text of the null kinds).
/// Number and Micros share one 8-byte slot (<see cref="Bits"/>): read the one the kind says. That keeps the struct
/// at 24 bytes, and every row copies its cells a few times.
/// Shared-string text comes from the scanners with only <see cref="SharedIndex"/> set (Text null); resolve it with
/// <see cref="ISheetRowSource.SharedString"/> (the row spool does so on replay).
/// </summary>
internal struct CellValue
{
    public string? Text;
    private long _bits;

    /// <summary>For text from the shared-string table: its index + 1 (0 otherwise), so a spool can store the index.</summary>
    public int SharedIndex;

    public CellKind Kind;

    public double Number
    {
        readonly get => BitConverter.Int64BitsToDouble(_bits);
        set => _bits = BitConverter.DoubleToInt64Bits(value);
    }

    public long Micros
    {
        readonly get => _bits;
        set => _bits = value;
    }

    /// <summary>The shared slot as stored: the number's IEEE bits or the microseconds.</summary>
    public long Bits
    {
        readonly get => _bits;
        set => _bits = value;
    }

    public readonly bool HasContent => Kind != CellKind.Blank;

    /// <summary>True for the kinds that become null with a warning.</summary>
    public readonly bool IsWarning => Kind is CellKind.Error or CellKind.NoCachedValue or CellKind.InvalidDate;
}
