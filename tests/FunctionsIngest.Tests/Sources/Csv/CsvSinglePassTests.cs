using System.Globalization;
using FunctionsIngest.Data;
using FunctionsIngest.Sources;
using FunctionsIngest.Sources.Csv;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

/// <summary>
/// The single pass (<see cref="CsvReadOptions.SinglePass"/>) takes types from a sample and must either give exactly
/// what two passes give (types, rows, row numbers, warnings) or end in <see cref="SpeculationMissedException"/> before
/// the caller sees the end of the table; read again as <see cref="SpeculativeRead"/> does, the result is always the
/// two-pass one. Tiny chunks put hundreds of cuts in every test file, so most chunks are not in the sample.
/// </summary>
public class CsvSinglePassTests : CsvTestBase
{
    private enum Outcome { Kept, Missed, NotTried }

    private sealed record Table(string[] Names, ColumnType[] Types, List<object?[]> Rows, string Warnings, List<long> Lines);

    private static readonly CsvReadOptions Tiny = new() { SplitScanMinBytes = 0, SplitChunkBytes = 97, BatchSize = 7 };

    private static string Lines(int from, int to, Func<int, string> line) =>
        string.Concat(Enumerable.Range(from, to - from).Select(i => line(i) + "\n"));

    private static Table ReadAll(CsvTableReader reader)
    {
        var rows = new List<object?[]>();
        var lines = new List<long>();
        while (reader.ReadNextBatch() is { } batch)
        {
            rows.AddRange(BatchRows(batch));
            lines.AddRange(reader.LastBatchRowNumbers.ToArray());
        }
        return new Table(Names(reader), Types(reader), rows, string.Join("; ", reader.Warnings.Select(w => w.Message + "@" + w.Location)), lines);
    }

    /// <summary>Reads as a job does (single pass, again in two on a miss) and says what the single pass did.</summary>
    private static (Table Table, Outcome Outcome) ReadSpeculatively(string path, CsvReadOptions options)
    {
        var outcome = Outcome.Kept;
        var table = SpeculativeRead.Run(singlePass =>
        {
            using var reader = Open(path, options with { SinglePass = singlePass });
            if (singlePass && !reader.IsSinglePass)
                outcome = Outcome.NotTried;
            return ReadAll(reader);
        }, _ => outcome = Outcome.Missed);
        return (table, outcome);
    }

    private static Table ReadTwoPasses(string path, CsvReadOptions options)
    {
        using var reader = Open(path, options);
        Assert.False(reader.IsSinglePass);
        return ReadAll(reader);
    }

    /// <summary>97-byte, 1000-byte and half-file chunks: the same table as two passes; returns what the single pass did each time.</summary>
    private static List<Outcome> AssertSameAsTwoPasses(string path, CsvReadOptions? options = null)
    {
        var outcomes = new List<Outcome>();
        foreach (long chunkBytes in new[] { 97, 1000, Math.Max(1, new FileInfo(path).Length / 2) })
        {
            var split = (options ?? Tiny) with { SplitScanMinBytes = 0, SplitChunkBytes = chunkBytes, BatchSize = 7 };
            var expected = ReadTwoPasses(path, split);
            var (actual, outcome) = ReadSpeculatively(path, split);
            outcomes.Add(outcome);
            Assert.Equal(expected.Names, actual.Names);
            Assert.Equal(expected.Types, actual.Types);
            Assert.Equal(expected.Warnings, actual.Warnings);
            AssertRows(expected.Rows, actual.Rows);
            Assert.Equal(expected.Lines, actual.Lines);
        }
        return outcomes;
    }

    private static string Typed(int i) => string.Create(CultureInfo.InvariantCulture,
        $"{i},{(i % 17 == 0 ? "" : (i * 0.25).ToString(CultureInfo.InvariantCulture))},2024-{1 + i % 12:00}-{1 + i % 28:00},2023-05-06 07:{i % 60:00}:09,{(i % 3 == 0 ? "true" : "false")},\"name, {i}\"");

    private const string TypedHeader = "id,amount,day,at,flag,name\n";

    [Fact]
    public void A_file_whose_sample_holds_every_type_is_read_in_one_pass_exactly_as_in_two()
    {
        var path = WriteText(TypedHeader + Lines(0, 600, Typed));
        Assert.All(AssertSameAsTwoPasses(path), outcome => Assert.Equal(Outcome.Kept, outcome));
        using var reader = Open(path, Tiny with { SinglePass = true });
        Assert.True(reader.IsSinglePass);
        Assert.Equal([ColumnType.Int64, ColumnType.Double, ColumnType.Date, ColumnType.Timestamp, ColumnType.Boolean, ColumnType.String], Types(reader));
    }

    [Fact]
    public void Row_numbers_and_short_row_warnings_after_quoted_line_breaks_are_file_lines()
    {
        var text = "a,b,c\n" + Lines(0, 120, i => $"{i},\"m\nn\",{i}") + Lines(120, 400, i => $"{i},x{i},{i}") + "short,row\n" + Lines(400, 500, i => $"{i},y,{i}");
        var path = WriteText(text);
        var outcomes = AssertSameAsTwoPasses(path);
        Assert.Contains(Outcome.Kept, outcomes);
        var (table, _) = ReadSpeculatively(path, Tiny);
        Assert.Equal(IngestErrors.ShortRowsWarning(1, 522).Message + "@" + IngestErrors.ShortRowsWarning(1, 522).Location, table.Warnings);
    }

    [Fact]
    public void A_fraction_in_an_integer_column_past_the_sample_ends_the_single_pass_and_two_passes_give_the_type()
    {
        // chunk ~150 of ~300 is sampled; 230 is not
        var text = "id,n\n" + Lines(0, 230 * 10, i => $"{i},{i}") + "2300,1.5\n" + Lines(2301, 3000, i => $"{i},{i}");
        var path = WriteText(text);
        using (var reader = Open(path, Tiny with { SinglePass = true }))
        {
            Assert.True(reader.IsSinglePass);
            Assert.Equal(ColumnType.Int64, reader.Schema[1].Type);
            var miss = Assert.Throws<SpeculationMissedException>(() => { while (reader.ReadNextBatch() is not null) { } });
            Assert.Equal("'data.csv': the single pass stopped at line 2302: column 'n' holds a Fractional value, which makes it another type than Int64.", miss.Message);
        }
        Assert.Contains(Outcome.Missed, AssertSameAsTwoPasses(path));
        Assert.Equal(ColumnType.Double, ReadSpeculatively(path, Tiny).Table.Types[1]);
    }

    [Fact]
    public void A_value_that_converts_but_would_change_the_column_type_ends_the_single_pass_at_once()
    {
        // "007" converts as an integer, but a number with a leading zero is an identifier: the column is text
        var text = "id,n\n" + Lines(0, 2300, i => $"{i},{i}") + "2300,007\n" + Lines(2301, 3000, i => $"{i},{i}");
        var path = WriteText(text);
        using (var reader = Open(path, Tiny with { SinglePass = true }))
        {
            Assert.Equal(ColumnType.Int64, reader.Schema[1].Type);
            long rows = 0;
            var miss = Assert.Throws<SpeculationMissedException>(() => { while (reader.ReadNextBatch() is { } batch) rows += batch.RowCount; });
            Assert.True(rows < 2300, $"{rows} rows were handed out before the miss");
            Assert.Equal("'data.csv': the single pass stopped at line 2302: column 'n' holds a Text value, which makes it another type than Int64.", miss.Message);
        }
        var (table, outcome) = ReadSpeculatively(path, Tiny);
        Assert.Equal(Outcome.Missed, outcome);
        Assert.Equal(ColumnType.String, table.Types[1]);
        Assert.Equal("007", table.Rows[2300][1]);
    }

    [Fact]
    public void A_column_empty_in_the_sample_is_not_guessed()
    {
        var text = "id,late\n" + Lines(0, 2300, i => $"{i},") + "2300,5\n" + Lines(2301, 3000, i => $"{i},");
        var path = WriteText(text);
        using (var reader = Open(path, Tiny with { SinglePass = true }))
            Assert.False(reader.IsSinglePass);
        // with bigger chunks the sample may reach the value: then the single pass is right to go ahead
        Assert.Equal(Outcome.NotTried, AssertSameAsTwoPasses(path)[0]);
        Assert.Equal(ColumnType.Int64, ReadSpeculatively(path, Tiny).Table.Types[1]);
    }

    [Fact]
    public void An_empty_column_with_a_given_type_does_not_stop_the_single_pass()
    {
        var text = "id,late\n" + Lines(0, 3000, i => $"{i},");
        var path = WriteText(text);
        var options = Tiny with { Schema = [new FunctionsIngest.Sources.Text.ColumnOverride("late", ColumnType.Int64)] };
        Assert.All(AssertSameAsTwoPasses(path, options), outcome => Assert.Equal(Outcome.Kept, outcome));
    }

    [Fact]
    public void Errors_after_the_sample_come_from_the_two_pass_read_with_its_exact_line()
    {
        var tooMany = WriteText("a,b\n" + Lines(0, 100, i => $"{i},v") + Lines(100, 2500, i => $"{i},\"v\nw\"") + "1,2,3\n" + Lines(0, 100, i => $"{i},z"), "many.csv");
        var badValue = WriteText("a,b\n" + Lines(0, 2500, i => $"{i},v") + "oops,x\n" + Lines(0, 100, i => $"{i},z"), "bad.csv");
        var overrides = Tiny with { Schema = [new FunctionsIngest.Sources.Text.ColumnOverride("a", ColumnType.Int64)] };
        foreach (var (path, options) in new[] { (tooMany, Tiny), (badValue, overrides) })
        {
            var twoPasses = Assert.Throws<IngestException>(() => ReadTwoPasses(path, options));
            var outcome = Outcome.Kept;
            var single = Assert.Throws<IngestException>(() => SpeculativeRead.Run(singlePass =>
            {
                using var reader = Open(path, options with { SinglePass = singlePass });
                Assert.Equal(singlePass, reader.IsSinglePass);
                return ReadAll(reader);
            }, _ => outcome = Outcome.Missed));
            Assert.Equal(Outcome.Missed, outcome);
            Assert.Equal(twoPasses.Message, single.Message);
        }
    }

    [Fact]
    public void Cuts_inside_quoted_fields_never_change_the_result()
    {
        var outcomes = new List<Outcome>();
        for (int pad = 0; pad < 12; pad++)
        {
            var text = "h1,h2,h3\n" + new string('p', pad) + ",0,x\n" +
                Lines(0, 300, i => i % 4 == 0 ? $"\"{i}\r\n\"\"x\"\", y\",{i},\"a\nb\"" : $"{i},{i},plain {i}");
            outcomes.AddRange(AssertSameAsTwoPasses(WriteText(text, $"pad{pad}.csv")));
        }
        Assert.Contains(Outcome.Missed, outcomes);
    }

    [Fact]
    public void Bom_skipped_rows_windows_1252_and_a_comma_decimal_culture_read_in_one_pass_as_in_two()
    {
        var text = "title line\n\"note, with \"\"quotes\"\"\"\nname,n,when\n" + Lines(0, 400, i => $"Zürich {i},{i}.25,2024-03-{1 + i % 28:00}");
        var options = Tiny with { SkipRows = 2 };
        var outcomes = AssertSameAsTwoPasses(WriteBytes([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)], "bom.csv"), options);
        outcomes.AddRange(AssertSameAsTwoPasses(WriteBytes(System.Text.Encoding.Latin1.GetBytes(text), "w1252.csv"), options with { Encoding = "windows-1252" }));
        var french = "nom;montant;jour\n" + Lines(0, 400, i => $"client {i};{i},5;2024-01-{1 + i % 28:00}");
        var frenchPath = WriteText(french, "fr.csv");
        var frOptions = Tiny with { Delimiter = ";", Culture = "fr-FR" };
        outcomes.AddRange(AssertSameAsTwoPasses(frenchPath, frOptions));
        Assert.All(outcomes, outcome => Assert.Equal(Outcome.Kept, outcome));
        var (table, _) = ReadSpeculatively(frenchPath, frOptions);
        Assert.Equal([ColumnType.String, ColumnType.Double, ColumnType.Date], table.Types);
        Assert.Equal(7.5, table.Rows[7][1]);
    }

    [Fact]
    public void Small_files_one_core_layouts_and_encodings_that_are_not_cut_read_in_two_passes()
    {
        var path = WriteText(TypedHeader + Lines(0, 50, Typed));
        using (var reader = Open(path, new CsvReadOptions { SinglePass = true }))
            Assert.False(reader.IsSinglePass); // below SplitScanMinBytes
        using (var reader = Open(path, Tiny with { SinglePass = true, HasHeader = false }))
            Assert.False(reader.IsSinglePass);
        using (var reader = Open(path, Tiny with { SinglePass = true, ReadAhead = false }))
            Assert.False(reader.IsSinglePass);
        var utf16 = WriteBytes([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(TypedHeader + Lines(0, 300, Typed))], "u16.csv");
        using (var reader = Open(utf16, Tiny with { SinglePass = true }))
            Assert.False(reader.IsSinglePass);
    }
}
