using System.Globalization;
using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

/// <summary>
/// Pass 1 split in chunks (<see cref="CsvSplitScan"/>), and pass 2 over those chunks on two threads, must give exactly
/// what one pass gives: types, rows, row numbers, warnings and errors, wherever the cuts fall. Tiny chunks (tens of
/// bytes) put many cuts in every test file.
/// </summary>
public class CsvSplitScanTests : CsvTestBase
{
    private static readonly CsvReadOptions Split = new() { SplitScanMinBytes = 0, SplitChunkBytes = 97 };

    /// <summary>Two chunks, cut after the first line feed past the middle (the cut pass 1 tries first).</summary>
    private static CsvReadOptions HalvesOf(string path) => Split with { SplitChunkBytes = Math.Max(1, new FileInfo(path).Length / 2) };
    private static readonly CsvReadOptions Whole = new() { SplitScanMinBytes = long.MaxValue };

    private static string Lines(int from, int to, Func<int, string> line) =>
        string.Concat(Enumerable.Range(from, to - from).Select(i => line(i) + "\n"));

    private static (CsvProfile Profile, CsvChunkPlan Plan)? TryScan(string path, CsvReadOptions options) =>
        CsvSplitScan.TryScan(path, "data.csv", options, CsvDialect.From(options, "data.csv"), CultureInfo.InvariantCulture);

    private (string[] Names, ColumnType[] Types, List<object?[]> Rows, string Warnings, List<long> Lines) ReadPath(string path, CsvReadOptions options)
    {
        using var reader = Open(path, options);
        var rows = new List<object?[]>();
        var lines = new List<long>();
        while (reader.ReadNextBatch() is { } batch)
        {
            rows.AddRange(BatchRows(batch));
            lines.AddRange(reader.LastBatchRowNumbers.ToArray());
        }
        return (Names(reader), Types(reader), rows, string.Join("; ", reader.Warnings.Select(w => w.Message + "@" + w.Location)), lines);
    }

    /// <summary>Split into halves (as far as a cut can be proven), into ~1000-byte and into 97-byte chunks: each as one pass reads it.</summary>
    private void AssertSameAsWhole(string path, CsvReadOptions? options = null, bool expectSplit = true)
    {
        var splits = new List<bool>();
        foreach (long chunkBytes in new[] { HalvesOf(path).SplitChunkBytes, 1000, 97 })
        {
            var split = (options ?? new CsvReadOptions()) with { SplitScanMinBytes = 0, SplitChunkBytes = chunkBytes, BatchSize = 7 };
            var whole = split with { SplitScanMinBytes = long.MaxValue };
            splits.Add(TryScan(path, split) is not null);
            var a = ReadPath(path, split);
            var b = ReadPath(path, whole);
            Assert.Equal(b.Names, a.Names);
            Assert.Equal(b.Types, a.Types);
            Assert.Equal(b.Warnings, a.Warnings);
            AssertRows(b.Rows, a.Rows);
            Assert.Equal(b.Lines, a.Lines);
        }
        Assert.Equal(expectSplit, splits[0]);
    }

    [Fact]
    public void Kinds_seen_only_in_the_second_half_decide_the_type()
    {
        var text = "id,n,when,flag\n" + Lines(0, 200, i => $"{i},{i},2024-01-02,true") + "200,x,2024-01-02 03:04:05,false\n";
        var path = WriteText(text);
        AssertSameAsWhole(path);
        using var reader = Open(path, Split);
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.Timestamp, ColumnType.Boolean], Types(reader));
    }

    [Fact]
    public void A_cut_inside_a_quoted_field_falls_back_to_one_pass()
    {
        // one quoted field holding most of the file's line feeds: the middle LF is inside the quotes
        var text = "a,b\n1,\"" + Lines(0, 300, i => $"line {i}") + "\"\n2,x\n";
        var path = WriteText(text);
        AssertSameAsWhole(path, expectSplit: false);
    }

    [Fact]
    public void Quoted_newlines_on_both_sides_of_the_cut()
    {
        var text = "a,b,c\n" + Lines(0, 400, i => i % 3 == 0 ? $"{i},\"x\ny\r\nz\",{i}.5" : $"{i},\"q,\"\"\",");
        var path = WriteText(text);
        AssertSameAsWhole(path, expectSplit: TryScan(path, HalvesOf(path)) is not null);
    }

    [Fact]
    public void Cut_positions_all_give_the_one_pass_result()
    {
        // padding the first record moves the middle through records with quoted CRLFs: some cuts fall inside quotes
        int splits = 0, fallbacks = 0;
        for (int pad = 0; pad < 40; pad++)
        {
            var text = "h1,h2\n" + new string('p', pad) + ",0\n" + Lines(0, 30, i => $"\"{i}\r\n\"\"x\"\"\",{i}") + Lines(30, 40, i => $"{i},{i}");
            var path = WriteText(text, $"pad{pad}.csv");
            bool split = TryScan(path, HalvesOf(path)) is not null;
            if (split)
                splits++;
            else
                fallbacks++;
            AssertSameAsWhole(path, expectSplit: split);
        }
        Assert.True(splits > 0 && fallbacks > 0, $"splits {splits}, fallbacks {fallbacks}");
    }

    [Fact]
    public void When_a_small_chunk_cut_falls_inside_quotes_the_halves_get_a_second_chance()
    {
        for (int pad = 0; pad < 40; pad++)
        {
            var text = "h1,h2\n" + new string('p', pad) + ",0\n" + Lines(0, 200, i => $"{i},\"a\nb\"");
            var path = WriteText(text, $"pad{pad}.csv");
            if (TryScan(path, HalvesOf(path)) is null)
                continue; // the middle cut fell inside quotes too: try another padding
            var plan = TryScan(path, Split)!.Value.Plan;
            Assert.Equal(2, plan.Chunks.Count);
            AssertSameAsWhole(path);
            return;
        }
        Assert.Fail("no padding put the middle cut between records");
    }

    [Fact]
    public void Short_row_in_the_second_half_is_reported_on_its_file_line()
    {
        // quoted line feeds in the first half shift the line numbers of the second
        var text = "a,b,c\n" + Lines(0, 100, i => $"{i},\"m\nn\",{i}") + Lines(100, 250, i => $"{i},{i},{i}") + "short,row\n" + Lines(250, 260, i => $"{i},x,{i}");
        var path = WriteText(text);
        AssertSameAsWhole(path);
        using var reader = Open(path, Split);
        Assert.Equal(IngestErrors.ShortRowsWarning(1, 352), reader.Warnings.Single());
    }

    [Fact]
    public void Errors_in_the_second_half_name_the_same_line_as_one_pass()
    {
        var text = "a,b\n" + Lines(0, 50, i => $"{i},\"v\nw\"") + "1,2,3\n";
        var path = WriteText(text);
        var split = Assert.Throws<IngestException>(() => Open(path, Split).Dispose());
        var whole = Assert.Throws<IngestException>(() => Open(path, Whole).Dispose());
        Assert.Equal(whole.Message, split.Message);
        Assert.Contains("102", whole.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_skip_rows_and_windows_1252_split_too()
    {
        var text = "title line\n\"note, with \"\"quotes\"\"\nname,n\n" + Lines(0, 100, i => $"Zürich {i},{i}.25");
        var options = new CsvReadOptions { SkipRows = 2 };
        AssertSameAsWhole(WriteBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "bom.csv"), options);
        AssertSameAsWhole(WriteBytes(Encoding.Latin1.GetBytes(text), "w1252.csv"), options with { Encoding = "windows-1252" });
    }

    [Fact]
    public void A_bad_value_in_a_late_chunk_fails_in_pass_two_with_the_one_pass_message_after_the_rows_before_it()
    {
        var text = "a,b\n" + Lines(0, 300, i => $"{i},v w") + "oops,x\n" + Lines(301, 320, i => $"{i},y");
        var path = WriteText(text);
        var schema = new[] { new FunctionsIngest.Sources.Text.ColumnOverride("a", ColumnType.Int64) };
        string Fail(CsvReadOptions options)
        {
            using var reader = Open(path, options with { Schema = schema, BatchSize = 16 });
            long rows = 0;
            var ex = Assert.Throws<IngestException>(() => { while (reader.ReadNextBatch() is { } batch) rows += batch.RowCount; });
            Assert.InRange(rows, 300 - 16, 300); // rows before the bad one only, less at most the failing batch
            return ex.Message;
        }
        Assert.NotNull(TryScan(path, HalvesOf(path)));
        var whole = Fail(Whole);
        Assert.Equal(whole, Fail(HalvesOf(path)));
        Assert.Equal(whole, Fail(Split));
        Assert.Contains("302", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_is_read_in_one_pass()
    {
        var text = "name,n\n" + Lines(0, 100, i => $"東京 {i},{i}");
        AssertSameAsWhole(WriteBytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], "u16.csv"), expectSplit: false);
        AssertSameAsWhole(WriteBytes(Encoding.Unicode.GetBytes(text), "u16le.csv"), new CsvReadOptions { Encoding = "utf-16le" }, expectSplit: false);
    }

    [Fact]
    public void Invalid_bytes_in_the_second_half_fail_with_the_one_pass_message()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n" + Lines(0, 100, i => $"{i},{i}")).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var path = WriteBytes(bytes);
        var split = Assert.Throws<IngestException>(() => Open(path, Split).Dispose());
        var whole = Assert.Throws<IngestException>(() => Open(path, Whole).Dispose());
        Assert.Equal(whole.Message, split.Message);
    }
}
