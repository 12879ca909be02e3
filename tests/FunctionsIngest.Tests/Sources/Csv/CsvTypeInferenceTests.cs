using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using FunctionsIngest.Sources.Text;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Csv;

public class CsvTypeInferenceTests : CsvTestBase
{
    [Fact]
    public void Infers_each_type_from_the_whole_column()
    {
        var (_, types, rows) = Read(
            "i,d,b,date,ts,s,late\n" +
            "1,1.5,true,2024-01-31,2024-01-31T10:20:30,x,1\n" +
            "-20,2,FALSE,2024-02-29,2024-02-29 23:59:59.123456,y,2\n" +
            ",,,,,,\n" +
            "3, 4e2 ,True,1999-12-31,2024-03-01T00:00Z,z,three\n");
        Assert.Equal([ColumnType.Int64, ColumnType.Double, ColumnType.Boolean, ColumnType.Date, ColumnType.Timestamp, ColumnType.String, ColumnType.String], types);
        AssertRows(
        [
            Row(1L, 1.5, true, D(2024, 1, 31), Ts(2024, 1, 31, 10, 20, 30), "x", "1"),
            Row(-20L, 2.0, false, D(2024, 2, 29), Ts(2024, 2, 29, 23, 59, 59).AddTicks(1234560), "y", "2"),
            Row(null, null, null, null, null, null, null),
            Row(3L, 400.0, true, D(1999, 12, 31), Ts(2024, 3, 1), "z", "three"),
        ], rows);
    }

    [Fact]
    public void Mixed_columns_become_text_keeping_the_original_text_exactly()
    {
        var (_, types, rows) = Read("m\n1\n2.50\ntrue\n2024-01-01\n 7 \n");
        Assert.Equal([ColumnType.String], types);
        AssertRows([Row("1"), Row("2.50"), Row("true"), Row("2024-01-01"), Row(" 7 ")], rows);
    }

    [Fact]
    public void Leading_zero_numbers_are_identifiers_and_stay_text()
    {
        var (_, types, rows) = Read("zip,code,ok,frac\n00123,007,0,0.5\n00456,-01,10,0.25\n");
        Assert.Equal([ColumnType.String, ColumnType.String, ColumnType.Int64, ColumnType.Double], types);
        AssertRows([Row("00123", "007", 0L, 0.5), Row("00456", "-01", 10L, 0.25)], rows);
    }

    [Fact]
    public void Integers_beyond_int64_stay_text_and_dates_with_a_time_make_a_timestamp()
    {
        var (_, types, rows) = Read("big,when\n99999999999999999999,2024-05-01\n1,2024-05-02T12:00:00\n");
        Assert.Equal([ColumnType.String, ColumnType.Timestamp], types);
        AssertRows([Row("99999999999999999999", Ts(2024, 5, 1)), Row("1", Ts(2024, 5, 2, 12))], rows);
    }

    [Fact]
    public void Timestamps_with_an_offset_are_converted_to_utc()
    {
        var (_, _, rows) = Read("t\n2024-06-01T10:00:00+02:00\n2024-06-01T10:00:00-0130\n");
        AssertRows([Row(Ts(2024, 6, 1, 8)), Row(Ts(2024, 6, 1, 11, 30))], rows);
    }

    [Fact]
    public void Semicolon_file_with_french_culture_reads_comma_decimals_and_day_first_dates()
    {
        var (names, types, rows) = Read("nom;prix;jour\nthé;1,5;31/01/2024\ncafé;-2,25;01/02/2024\n", new CsvReadOptions { Delimiter = ";", Culture = "fr-FR" });
        Assert.Equal(["nom", "prix", "jour"], names);
        Assert.Equal([ColumnType.String, ColumnType.Double, ColumnType.Date], types);
        AssertRows([Row("thé", 1.5, D(2024, 1, 31)), Row("café", -2.25, D(2024, 2, 1))], rows);
    }

    [Fact]
    public void Invariant_culture_short_dates_are_month_first()
    {
        var (_, types, rows) = Read("d\n01/02/2024\n12/31/2023\n");
        Assert.Equal([ColumnType.Date], types);
        AssertRows([Row(D(2024, 1, 2)), Row(D(2023, 12, 31))], rows);
    }

    [Fact]
    public void Schema_override_replaces_inference_with_format_and_nullability()
    {
        var options = new CsvReadOptions
        {
            Schema =
            [
                new ColumnOverride("ZIP", ColumnType.Int64),
                new ColumnOverride("when", ColumnType.Date, "dd.MM.yyyy"),
                new ColumnOverride("flag", ColumnType.Boolean, "Y|N", Nullable: false),
                new ColumnOverride("n", ColumnType.String),
            ],
        };
        using var reader = Open(WriteText("zip,when,flag,n\n00123,31.01.2024,Y,5\n00456,01.02.2024,n,6\n"), options);
        Assert.Equal([ColumnType.Int64, ColumnType.Date, ColumnType.Boolean, ColumnType.String], Types(reader));
        Assert.False(reader.Schema[2].Nullable);
        AssertRows([Row(123L, D(2024, 1, 31), true, "5"), Row(456L, D(2024, 2, 1), false, "6")], ReadAll(reader));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_schema_names_file_line_column_and_value()
    {
        var options = new CsvReadOptions { Schema = [new ColumnOverride("amount", ColumnType.Double)] };
        using var reader = Open(WriteText("id,amount\n1,2.5\n2,\"n/a\"\n"), options);
        var ex = Assert.Throws<IngestException>(() => reader.ReadNextBatch());
        Assert.Equal("'data.csv', line 3, column 'amount': 'n/a' is not a valid Double.", ex.Message);
        Assert.Equal("amount", ex.Column);
        Assert.Equal("line 3", ex.Cell);
    }

    [Fact]
    public void An_empty_value_in_a_non_nullable_column_and_an_unknown_schema_column_are_errors()
    {
        var options = new CsvReadOptions { Schema = [new ColumnOverride("id", ColumnType.Int64, Nullable: false)] };
        using var reader = Open(WriteText("id,v\n1,a\n,b\n"), options);
        Assert.Equal("'data.csv', line 3, column 'id': the value is empty but the column is not nullable.",
            Assert.Throws<IngestException>(() => reader.ReadNextBatch()).Message);
        var path = WriteText("a\n1\n", "other.csv");
        var ex = Assert.Throws<IngestException>(() => Open(path, new CsvReadOptions { Schema = [new ColumnOverride("b", ColumnType.Int64)] }));
        Assert.Equal("'other.csv': the schema names column 'b', which the file does not have. Columns: 'a'.", ex.Message);
    }
}
