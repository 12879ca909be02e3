using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Thrift;

namespace FunctionsIngest.Parquet.Tests.Thrift;

public class CompactWriterTests
{
    private static byte[] Bytes(Action<CompactWriter> write)
    {
        using var buffer = new ByteBuffer();
        var w = new CompactWriter(buffer);
        write(w);
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(-1, new byte[] { 0x01 })]
    [InlineData(1, new byte[] { 0x02 })]
    [InlineData(63, new byte[] { 0x7E })]
    [InlineData(-64, new byte[] { 0x7F })]
    [InlineData(64, new byte[] { 0x80, 0x01 })]
    [InlineData(int.MaxValue, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(int.MinValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void I32_is_zigzag_varint(int value, byte[] expected) =>
        Assert.Equal(expected, Bytes(w => w.WriteI32(value)));

    [Fact]
    public void I64_extremes_are_zigzag_varint()
    {
        Assert.Equal(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, Bytes(w => w.WriteI64(long.MaxValue)));
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, Bytes(w => w.WriteI64(long.MinValue)));
        Assert.Equal(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x10 }, Bytes(w => w.WriteI64(1L << 31)));
    }

    [Fact]
    public void Field_header_uses_short_form_for_deltas_1_to_15_and_long_form_otherwise()
    {
        var bytes = Bytes(w =>
        {
            w.BeginStruct();
            w.I32Field(1, 1);   // delta 1
            w.I32Field(16, 2);  // delta 15: still short
            w.I32Field(40, 3);  // delta 24: long form, id as zigzag varint
            w.EndStruct();
        });
        Assert.Equal(new byte[] { 0x15, 0x02, 0xF5, 0x04, 0x05, 0x50, 0x06, 0x00 }, bytes);
    }

    [Fact]
    public void Booleans_live_in_the_type_nibble()
    {
        var bytes = Bytes(w =>
        {
            w.BeginStruct();
            w.BoolField(1, true);
            w.BoolField(2, false);
            w.EndStruct();
        });
        Assert.Equal(new byte[] { 0x11, 0x12, 0x00 }, bytes);
    }

    [Fact]
    public void Nested_struct_restarts_field_ids_and_restores_the_parent()
    {
        var bytes = Bytes(w =>
        {
            w.BeginStruct();
            w.I32Field(3, 0);
            w.BeginStructField(5);   // delta 2 from 3
            w.I32Field(1, 0);        // child starts at 0 -> delta 1
            w.EndStruct();
            w.I32Field(6, 0);        // parent resumes from 5 -> delta 1
            w.EndStruct();
        });
        Assert.Equal(new byte[] { 0x35, 0x00, 0x2C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00 }, bytes);
    }

    [Fact]
    public void List_header_short_below_15_and_long_from_15()
    {
        Assert.Equal(new byte[] { 0x3C }, Bytes(w => w.ListHeader(CompactType.Struct, 3)));
        Assert.Equal(new byte[] { 0xE5 }, Bytes(w => w.ListHeader(CompactType.I32, 14)));
        Assert.Equal(new byte[] { 0xF5, 0x0F }, Bytes(w => w.ListHeader(CompactType.I32, 15)));
        Assert.Equal(new byte[] { 0xF8, 0xAC, 0x02 }, Bytes(w => w.ListHeader(CompactType.Binary, 300)));
    }

    [Fact]
    public void Strings_are_length_prefixed_utf8()
    {
        Assert.Equal(new byte[] { 0x48, 0x03, 0x68, 0xC3, 0xA9 }, Bytes(w =>
        {
            w.BeginStruct();
            w.StringField(4, "hé");
        }));
    }
}
