using FunctionsIngest.Parquet.Thrift;

namespace FunctionsIngest.Parquet.Statistics;

/// <summary>A chunk's (or page's) Statistics struct with min/max already PLAIN-encoded (no length prefix for BYTE_ARRAY).</summary>
internal sealed record EncodedStatistics(long NullCount, byte[]? Min, byte[]? Max, bool MinExact = true, bool MaxExact = true, long? NanCount = null)
{
    /// <summary>Write legacy min/max (fields 1/2) too: only for signed-order types, as Arrow C++ does.</summary>
    public bool WriteLegacy { get; init; }

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        if (WriteLegacy && Max is not null) w.BinaryField(1, Max);
        if (WriteLegacy && Min is not null) w.BinaryField(2, Min);
        w.I64Field(3, NullCount);
        if (Max is not null) w.BinaryField(5, Max);
        if (Min is not null) w.BinaryField(6, Min);
        if (Max is not null) w.BoolField(7, MaxExact);
        if (Min is not null) w.BoolField(8, MinExact);
        if (NanCount is { } nan) w.I64Field(9, nan);
        w.EndStruct();
    }
}
