namespace FunctionsIngest.Parquet.Schema;

/// <summary>Which member of the <c>LogicalType</c> union a column carries (None = plain physical type).</summary>
internal enum LogicalKind
{
    None,
    String,
    Date,
    Time,
    Timestamp,
    Decimal,
    Integer,
    Uuid,
    Json,
}

/// <summary>Unit of TIME/TIMESTAMP (<c>TimeUnit</c> union member ids 1 and 2).</summary>
internal enum TimeUnit
{
    Millis = 1,
    Micros = 2,
}
