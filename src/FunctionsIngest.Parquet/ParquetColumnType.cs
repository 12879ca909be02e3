namespace FunctionsIngest.Parquet;

/// <summary>Column value type; each maps to one Parquet physical type plus logical/converted annotations.</summary>
public enum ParquetColumnType
{
    /// <summary>BOOLEAN.</summary>
    Boolean,
    /// <summary>INT32, no annotation.</summary>
    Int32,
    /// <summary>INT64, no annotation.</summary>
    Int64,
    /// <summary>FLOAT (IEEE 754 single).</summary>
    Float,
    /// <summary>DOUBLE.</summary>
    Double,
    /// <summary>BYTE_ARRAY annotated STRING (UTF-8).</summary>
    String,
    /// <summary>BYTE_ARRAY, no annotation.</summary>
    Binary,
    /// <summary>INT32 days since 1970-01-01 (DATE).</summary>
    Date,
    /// <summary>INT64 microseconds since the Unix epoch, local (isAdjustedToUTC=false).</summary>
    TimestampMicros,
    /// <summary>INT64 microseconds since the Unix epoch, UTC (isAdjustedToUTC=true).</summary>
    TimestampMicrosUtc,
    /// <summary>INT64 microseconds since midnight (TIME, isAdjustedToUTC=false).</summary>
    TimeMicros,

    /// <summary>INT32 annotated INT(8, signed); values must fit in sbyte. Written with WriteInt32.</summary>
    Int8,
    /// <summary>INT32 annotated INT(16, signed); values must fit in short. Written with WriteInt32.</summary>
    Int16,
    /// <summary>INT32 annotated INT(8, unsigned); WriteInt32 with values 0..255.</summary>
    UInt8,
    /// <summary>INT32 annotated INT(16, unsigned); WriteInt32 with values 0..65535.</summary>
    UInt16,
    /// <summary>INT32 annotated INT(32, unsigned); WriteUInt32 (or WriteInt32 with non-negative values).</summary>
    UInt32,
    /// <summary>INT64 annotated INT(64, unsigned); WriteUInt64 (or WriteInt64 with non-negative values).</summary>
    UInt64,
    /// <summary>BYTE_ARRAY annotated JSON (UTF-8 text); written with WriteString.</summary>
    Json,
    /// <summary>DECIMAL(Precision, Scale): INT32 for precision &lt;= 9, INT64 for &lt;= 18, else FIXED_LEN_BYTE_ARRAY. WriteDecimal, or WriteInt32/WriteInt64 with unscaled values.</summary>
    Decimal,
    /// <summary>FIXED_LEN_BYTE_ARRAY(16) annotated UUID, big-endian RFC byte order; written with WriteUuid.</summary>
    Uuid,
    /// <summary>INT64 milliseconds since the Unix epoch, local (isAdjustedToUTC=false).</summary>
    TimestampMillis,
    /// <summary>INT64 milliseconds since the Unix epoch, UTC (isAdjustedToUTC=true).</summary>
    TimestampMillisUtc,
    /// <summary>INT32 milliseconds since midnight (TIME MILLIS, isAdjustedToUTC=false).</summary>
    TimeMillis,

    /// <summary>Time of day normalised to UTC, INT64 microseconds since midnight (isAdjustedToUTC=true).</summary>
    TimeMicrosUtc,

    /// <summary>Time of day normalised to UTC, INT32 milliseconds since midnight (isAdjustedToUTC=true).</summary>
    TimeMillisUtc,
}
