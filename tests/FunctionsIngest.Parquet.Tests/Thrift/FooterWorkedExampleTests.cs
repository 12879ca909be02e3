using FunctionsIngest.Parquet.Tests.Support;

namespace FunctionsIngest.Parquet.Tests.Thrift;

/// <summary>Byte-exact checks against the worked examples in shared/docs/parquet-format.md (sections 2 and 6).</summary>
public class FooterWorkedExampleTests
{
    [Fact]
    public void Footer_prefix_matches_the_briefs_worked_example()
    {
        string path = TestFile.Write("worked-example", [new("name", ParquetColumnType.String), new("n", ParquetColumnType.Int32)], null, w =>
        {
            w.WriteString(0, ["a"]);
            w.WriteInt32(1, [1], default);
            w.EndBatch();
        });
        byte[] expected =
        [
            0x15, 0x02,                                  // version = 1
            0x19, 0x3C,                                  // schema: list of 3 structs
            0x48, 0x06, .."schema"u8, 0x15, 0x04, 0x00,  // root: name, num_children = 2, stop
            0x15, 0x0C, 0x25, 0x02, 0x18, 0x04, .."name"u8, 0x25, 0x00, 0x4C, 0x1C, 0x00, 0x00, 0x00,
        ];
        Assert.Equal(expected, TestFile.FooterBytes(path).Take(expected.Length).ToArray());
    }

    [Fact]
    public void Utc_timestamp_logical_type_matches_the_briefs_example()
    {
        string path = TestFile.Write("ts-example", [new("t", ParquetColumnType.TimestampMicrosUtc, Nullable: false)], null, w =>
        {
            w.WriteInt64(0, [0L], default);
            w.EndBatch();
        });
        byte[] leaf = [0x15, 0x04, 0x25, 0x00, 0x18, 0x01, (byte)'t', 0x25, 0x14, 0x4C, 0x8C, 0x11, 0x1C, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x00];
        var footer = TestFile.FooterBytes(path);
        Assert.True(footer.AsSpan().IndexOf(leaf) > 0, "TIMESTAMP(true, MICROS) leaf element not found byte-exact in the footer.");
    }
}
