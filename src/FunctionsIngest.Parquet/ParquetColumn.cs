namespace FunctionsIngest.Parquet;

/// <summary>
/// A flat top-level column: name, value type and whether nulls are allowed (OPTIONAL vs REQUIRED).
/// Decimal columns also set <see cref="Precision"/> and <see cref="Scale"/> (or use <see cref="Decimal"/>).
/// </summary>
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool Nullable = true)
{
    /// <summary>Total significant digits of a Decimal column (1..38).</summary>
    public int Precision { get; init; }

    /// <summary>Digits after the decimal point of a Decimal column (0..Precision).</summary>
    public int Scale { get; init; }

    /// <summary>A DECIMAL(precision, scale) column.</summary>
    public static ParquetColumn Decimal(string name, int precision, int scale, bool nullable = true) =>
        new(name, ParquetColumnType.Decimal, nullable) { Precision = precision, Scale = scale };
}
