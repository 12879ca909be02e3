namespace FunctionsIngest.Parquet.Format;

// Enum values from parquet.thrift (apache/parquet-format); see shared/docs/parquet-format.md sections 3-7.

/// <summary>Parquet physical type (<c>Type</c>).</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}

/// <summary>Value and level encodings (<c>Encoding</c>).</summary>
internal enum Encoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    RleDictionary = 8,
}

/// <summary>Page kinds (<c>PageType</c>).</summary>
internal enum PageType
{
    DataPage = 0,
    DictionaryPage = 2,
}

/// <summary>Codec ids (<c>CompressionCodec</c>).</summary>
internal enum CompressionCodec
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Zstd = 6,
}

/// <summary>Legacy annotation (<c>ConvertedType</c>).</summary>
internal enum ConvertedType
{
    Utf8 = 0,
    Decimal = 5,
    Date = 6,
    TimeMillis = 7,
    TimeMicros = 8,
    TimestampMillis = 9,
    TimestampMicros = 10,
    Uint8 = 11,
    Uint16 = 12,
    Uint32 = 13,
    Uint64 = 14,
    Int8 = 15,
    Int16 = 16,
    Int32 = 17,
    Int64 = 18,
    Json = 19,
}

/// <summary>How min/max statistics compare values (from <c>ColumnOrder</c>'s TYPE_ORDER rules).</summary>
internal enum SortOrder
{
    Signed,
    Unsigned,
    Undefined,
}
