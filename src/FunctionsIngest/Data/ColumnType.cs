namespace FunctionsIngest.Data;

/// <summary>The logical column types of the data plane; each maps to one Parquet type.</summary>
public enum ColumnType
{
    String,
    Int64,
    Double,
    Boolean,
    /// <summary>Calendar date, stored as days since 1970-01-01 (int).</summary>
    Date,
    /// <summary>Date and time without a zone, stored as microseconds since 1970-01-01T00:00 (long).</summary>
    Timestamp,
    /// <summary>Time of day without a zone, stored as microseconds since midnight (long).</summary>
    Time,
}
