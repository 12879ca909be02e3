using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using FunctionsIngest.Parquet.File;
using FunctionsIngest.Parquet.Schema;

namespace FunctionsIngest.Parquet;

/// <summary>Typed conveniences that convert CLR values to a column's physical representation (unsigned, decimal, UUID, dates and times).</summary>
public sealed partial class ParquetWriter
{
    private const int ConversionChunk = 8192;

    /// <summary>Appends to a UInt32 column (full 0..4294967295 range).</summary>
    public void WriteUInt32(int column, ReadOnlySpan<uint> values, ReadOnlySpan<bool> isNull)
    {
        var writer = Get<Int32ColumnWriter>(column, nameof(WriteUInt32));
        if (writer.Column.Type != ParquetColumnType.UInt32) throw WrongMethod(writer, nameof(WriteUInt32));
        writer.SkipRangeCheck = true;
        try { writer.Write(MemoryMarshal.Cast<uint, int>(values), isNull); }
        finally { writer.SkipRangeCheck = false; }
    }

    /// <summary>Appends to a UInt64 column (full ulong range).</summary>
    public void WriteUInt64(int column, ReadOnlySpan<ulong> values, ReadOnlySpan<bool> isNull)
    {
        var writer = Get<Int64ColumnWriter>(column, nameof(WriteUInt64));
        if (writer.Column.Type != ParquetColumnType.UInt64) throw WrongMethod(writer, nameof(WriteUInt64));
        writer.SkipRangeCheck = true;
        try { writer.Write(MemoryMarshal.Cast<ulong, long>(values), isNull); }
        finally { writer.SkipRangeCheck = false; }
    }

    /// <summary>Appends to a Decimal column. Each value must be exact at the column's scale and fit its precision (no rounding).</summary>
    public void WriteDecimal(int column, ReadOnlySpan<decimal> values, ReadOnlySpan<bool> isNull)
    {
        EnsureWritable();
        var writer = GetAny(column, nameof(WriteDecimal));
        var c = writer.Column;
        if (c.Logical != LogicalKind.Decimal) throw WrongMethod(writer, nameof(WriteDecimal));
        if (!isNull.IsEmpty && isNull.Length != values.Length)
            throw new ArgumentException($"Column '{c.Name}': isNull has {isNull.Length} entries but values has {values.Length}.", nameof(isNull));
        var limit = BigInteger.Pow(10, c.Precision);
        int width = writer is FixedLenByteArrayColumnWriter f ? f.Width : 8;
        // Convert the whole span before appending anything, so a bad value leaves the column untouched.
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, values.Length * width));
        try
        {
            var bytes = rented.AsSpan(0, values.Length * width);
            bytes.Clear();
            switch (writer)
            {
                case Int32ColumnWriter w32:
                    {
                        var buf = MemoryMarshal.Cast<byte, int>(bytes)[..values.Length];
                        for (int i = 0; i < values.Length; i++) buf[i] = isNull.IsEmpty || !isNull[i] ? (int)Unscale(c, values[i], limit, i) : 0;
                        w32.Write(buf, isNull);
                        break;
                    }

                case Int64ColumnWriter w64:
                    {
                        var buf = MemoryMarshal.Cast<byte, long>(bytes)[..values.Length];
                        for (int i = 0; i < values.Length; i++) buf[i] = isNull.IsEmpty || !isNull[i] ? (long)Unscale(c, values[i], limit, i) : 0;
                        w64.Write(buf, isNull);
                        break;
                    }

                case FixedLenByteArrayColumnWriter flba:
                    for (int i = 0; i < values.Length; i++)
                    {
                        if (isNull.IsEmpty || !isNull[i]) WriteBigEndian(Unscale(c, values[i], limit, i), bytes.Slice(i * width, width));
                    }

                    flba.Write(bytes, isNull);
                    break;
                default:
                    throw WrongMethod(writer, nameof(WriteDecimal));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends to a Uuid column; bytes are stored big-endian in RFC 4122 order (not Guid.ToByteArray's mixed order).</summary>
    public void WriteUuid(int column, ReadOnlySpan<Guid> values, ReadOnlySpan<bool> isNull)
    {
        var writer = Get<FixedLenByteArrayColumnWriter>(column, nameof(WriteUuid));
        if (writer.Column.Logical != LogicalKind.Uuid) throw WrongMethod(writer, nameof(WriteUuid));
        if (!isNull.IsEmpty && isNull.Length != values.Length)
            throw new ArgumentException($"Column '{writer.Column.Name}': isNull has {isNull.Length} entries but values has {values.Length}.", nameof(isNull));
        var rented = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(1, values.Length), ConversionChunk) * 16);
        try
        {
            for (int start = 0; start < values.Length; start += ConversionChunk)
            {
                var slice = values.Slice(start, Math.Min(ConversionChunk, values.Length - start));
                var bytes = rented.AsSpan(0, slice.Length * 16);
                for (int i = 0; i < slice.Length; i++) slice[i].TryWriteBytes(bytes.Slice(i * 16, 16), bigEndian: true, out _);
                writer.Write(bytes, isNull.IsEmpty ? default : isNull.Slice(start, slice.Length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends to a Date column.</summary>
    public void WriteDate(int column, ReadOnlySpan<DateOnly> values, ReadOnlySpan<bool> isNull)
    {
        var writer = Get<Int32ColumnWriter>(column, nameof(WriteDate));
        if (writer.Column.Type != ParquetColumnType.Date) throw WrongMethod(writer, nameof(WriteDate));
        const int epochDay = 719_162; // DateOnly(1970, 1, 1).DayNumber
        Convert(values, isNull, static d => d.DayNumber - epochDay, writer.Write);
    }

    /// <summary>Appends to a Timestamp* column in its unit; DateTime.Kind is ignored (pass UTC values to UTC columns).</summary>
    public void WriteTimestamp(int column, ReadOnlySpan<DateTime> values, ReadOnlySpan<bool> isNull)
    {
        var writer = Get<Int64ColumnWriter>(column, nameof(WriteTimestamp));
        if (writer.Column.Logical != LogicalKind.Timestamp) throw WrongMethod(writer, nameof(WriteTimestamp));
        long divisor = writer.Column.Unit == TimeUnit.Millis ? TimeSpan.TicksPerMillisecond : 10;
        long epoch = DateTime.UnixEpoch.Ticks;
        Convert(values, isNull, t => Math.DivRem(t.Ticks - epoch, divisor) is var (q, r) && r < 0 ? q - 1 : q, writer.Write);
    }

    /// <summary>Appends to a TimeMicros or TimeMillis column (sub-unit ticks are truncated).</summary>
    public void WriteTime(int column, ReadOnlySpan<TimeOnly> values, ReadOnlySpan<bool> isNull)
    {
        var writer = GetAny(column, nameof(WriteTime));
        switch (writer)
        {
            case Int64ColumnWriter w64 when writer.Column.Logical == LogicalKind.Time:
                Convert(values, isNull, static t => t.Ticks / 10, w64.Write);
                break;
            case Int32ColumnWriter w32 when writer.Column.Logical == LogicalKind.Time:
                Convert(values, isNull, static t => (int)(t.Ticks / TimeSpan.TicksPerMillisecond), w32.Write);
                break;
            default:
                throw WrongMethod(writer, nameof(WriteTime));
        }
    }

    private ColumnWriter GetAny(int column, string method) => Get<ColumnWriter>(column, method);

    private static BigInteger Unscale(ColumnDescriptor c, decimal value, BigInteger limit, int index)
    {
        if (!DecimalLayout.TryUnscale(value, c.Scale, out var unscaled))
            throw new ArgumentException($"Column '{c.Name}' DECIMAL({c.Precision},{c.Scale}): value {value} at index {index} has more than {c.Scale} decimal places.");
        if (BigInteger.Abs(unscaled) >= limit)
            throw new ArgumentException($"Column '{c.Name}' DECIMAL({c.Precision},{c.Scale}): value {value} at index {index} needs more than {c.Precision} digits.");
        return unscaled;
    }

    /// <summary>Big-endian two's complement, sign-extended to the destination width.</summary>
    private static void WriteBigEndian(BigInteger value, Span<byte> destination)
    {
        destination.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        int length = value.GetByteCount(isUnsigned: false);
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: false, isBigEndian: true);
    }

    private delegate void ReadOnlySpanAction<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> isNull);

    private static void Convert<TIn, TOut>(ReadOnlySpan<TIn> values, ReadOnlySpan<bool> isNull, Func<TIn, TOut> convert, ReadOnlySpanAction<TOut> write)
    {
        var array = ArrayPool<TOut>.Shared.Rent(Math.Min(Math.Max(1, values.Length), ConversionChunk));
        try
        {
            if (!isNull.IsEmpty && isNull.Length != values.Length)
                throw new ArgumentException($"isNull has {isNull.Length} entries but values has {values.Length}.", nameof(isNull));
            for (int start = 0; start < values.Length; start += ConversionChunk)
            {
                int n = Math.Min(ConversionChunk, values.Length - start);
                for (int i = 0; i < n; i++) array[i] = convert(values[start + i]);
                write(array.AsSpan(0, n), isNull.IsEmpty ? default : isNull.Slice(start, n));
            }
        }
        finally
        {
            ArrayPool<TOut>.Shared.Return(array);
        }
    }
}
