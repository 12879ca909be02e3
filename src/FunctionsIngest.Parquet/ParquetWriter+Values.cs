using FunctionsIngest.Parquet.File;

namespace FunctionsIngest.Parquet;

/// <summary>Typed append methods; each checks that the column's type accepts the method.</summary>
public sealed partial class ParquetWriter
{
    /// <summary>Appends to a Boolean column. Empty <paramref name="isNull"/> means no nulls.</summary>
    public void WriteBoolean(int column, ReadOnlySpan<bool> values, ReadOnlySpan<bool> isNull) =>
        Get<BooleanColumnWriter>(column, nameof(WriteBoolean)).Write(values, isNull);

    /// <summary>Appends to an INT32-backed column (Int32, Date as days since 1970-01-01).</summary>
    public void WriteInt32(int column, ReadOnlySpan<int> values, ReadOnlySpan<bool> isNull) =>
        Get<Int32ColumnWriter>(column, nameof(WriteInt32)).Write(values, isNull);

    /// <summary>Appends to an INT64-backed column (Int64, timestamps and times in microseconds).</summary>
    public void WriteInt64(int column, ReadOnlySpan<long> values, ReadOnlySpan<bool> isNull) =>
        Get<Int64ColumnWriter>(column, nameof(WriteInt64)).Write(values, isNull);

    /// <summary>Appends to a Float column.</summary>
    public void WriteFloat(int column, ReadOnlySpan<float> values, ReadOnlySpan<bool> isNull) =>
        Get<FloatColumnWriter>(column, nameof(WriteFloat)).Write(values, isNull);

    /// <summary>Appends to a Double column.</summary>
    public void WriteDouble(int column, ReadOnlySpan<double> values, ReadOnlySpan<bool> isNull) =>
        Get<DoubleColumnWriter>(column, nameof(WriteDouble)).Write(values, isNull);

    /// <summary>Appends to a String or Json column; a null reference is a null.</summary>
    public void WriteString(int column, ReadOnlySpan<string?> values)
    {
        var writer = Get<ByteArrayColumnWriter>(column, nameof(WriteString));
        if (writer.Column.Type is not (ParquetColumnType.String or ParquetColumnType.Json)) throw WrongMethod(writer, nameof(WriteString));
        writer.WriteStrings(values);
    }

    /// <summary>Appends to a Binary column; a null reference is a null.</summary>
    public void WriteBinary(int column, ReadOnlySpan<byte[]?> values)
    {
        var writer = Get<ByteArrayColumnWriter>(column, nameof(WriteBinary));
        if (writer.Column.Type != ParquetColumnType.Binary) throw WrongMethod(writer, nameof(WriteBinary));
        writer.WriteBinary(values);
    }

    private T Get<T>(int column, string method)
        where T : ColumnWriter
    {
        EnsureWritable();
        if ((uint)column >= (uint)_writers.Length)
            throw new ArgumentOutOfRangeException(nameof(column), column, $"{method}: column index {column} is out of range (the file has {_writers.Length} columns).");
        var writer = _writers[column];
        return writer as T ?? throw WrongMethod(writer, method);
    }

    private static ArgumentException WrongMethod(ColumnWriter writer, string method) =>
        new($"{method} cannot write column '{writer.Column.Name}' of type {writer.Column.Type}; use {ColumnWriterFactory.MethodFor(writer.Column.Type)}.");
}
