using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Json;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Json;

public sealed class JsonReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Write(string text, string name = "data.json") => _dir.Write(name, Encoding.UTF8.GetBytes(text));

    private static object?[] Row(params object?[] values) => values;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Array_of_objects_with_inferred_types()
    {
        using var reader = JsonTableReader.Open(Write("""
            [
              {"id": 1, "price": 2.5, "ok": true, "name": "a", "day": "2024-01-31", "at": "2024-01-31T10:00:00"},
              {"id": 2, "price": 3, "ok": false, "name": "b", "day": "2024-02-01", "at": "2024-02-01"},
              {"id": null, "price": null, "ok": null, "name": null, "day": null, "at": null}
            ]
            """), new JsonReadOptions());
        Assert.Equal(["id", "price", "ok", "name", "day", "at"], Names(reader));
        Assert.Equal([ColumnType.Int64, ColumnType.Double, ColumnType.Boolean, ColumnType.String, ColumnType.Date, ColumnType.Timestamp], Types(reader));
        AssertRows(
        [
            Row(1L, 2.5, true, "a", D(2024, 1, 31), Ts(2024, 1, 31, 10)),
            Row(2L, 3.0, false, "b", D(2024, 2, 1), Ts(2024, 2, 1)),
            Row(null, null, null, null, null, null),
        ], ReadAll(reader));
        Assert.Equal([1L, 2L, 3L], reader.LastBatchRowNumbers.ToArray());
    }

    [Fact]
    public void Ndjson_columns_are_the_union_in_first_seen_order_and_rows_know_their_line()
    {
        using var reader = JsonTableReader.Open(Write("{\"a\":1}\n\n{\"b\":\"x\",\"a\":2}\r\n{\"c\":true}\n"), new JsonReadOptions());
        Assert.Equal(["a", "b", "c"], Names(reader));
        AssertRows([Row(1L, null, null), Row(2L, "x", null), Row(null, null, true)], ReadAll(reader));
        Assert.Equal([1L, 3L, 4L], reader.LastBatchRowNumbers.ToArray());
    }

    [Fact]
    public void Nested_objects_flatten_to_dotted_names_and_arrays_stay_json_text()
    {
        using var reader = JsonTableReader.Open(Write("""
            [{"id":1,"address":{"city":"Oslo","geo":{"lat":59.9}},"tags":["x", "y"]},
             {"id":2,"address":{"city":"Rome"},"tags":[]}]
            """), new JsonReadOptions());
        Assert.Equal(["id", "address.city", "address.geo.lat", "tags"], Names(reader));
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.Double, ColumnType.String], Types(reader));
        AssertRows([Row(1L, "Oslo", 59.9, "[\"x\", \"y\"]"), Row(2L, "Rome", null, "[]")], ReadAll(reader));
    }

    [Fact]
    public void Mixed_columns_become_text_with_each_value_as_written()
    {
        using var reader = JsonTableReader.Open(Write("""
            {"v": 1, "n": 1, "d": "2024-01-01", "b": true}
            {"v": "two", "n": 1.50, "d": "soon", "b": 1}
            {"v": 3.0e1, "n": 7, "d": "2024-01-02", "b": {"x": 1}}
            {"v": false, "n": null, "d": null}
            """), new JsonReadOptions());
        Assert.Equal(["v", "n", "d", "b", "b.x"], Names(reader));
        Assert.Equal([ColumnType.String, ColumnType.Double, ColumnType.String, ColumnType.String, ColumnType.Int64], Types(reader));
        AssertRows(
        [
            Row("1", 1.0, "2024-01-01", "true", null),
            Row("two", 1.5, "soon", "1", null),
            Row("3.0e1", 7.0, "2024-01-02", null, 1L),
            Row("false", null, null, null, null),
        ], ReadAll(reader));
    }

    [Fact]
    public void Date_inference_can_be_turned_off_and_large_integers_become_double()
    {
        using var reader = JsonTableReader.Open(Write("""[{"d":"2024-01-01","n":12345678901234567890}]"""), new JsonReadOptions { InferDates = false });
        Assert.Equal([ColumnType.String, ColumnType.Double], Types(reader));
        AssertRows([Row("2024-01-01", 12345678901234567890d)], ReadAll(reader));
    }

    [Fact]
    public void Duplicate_names_are_made_unique_like_the_excel_reader()
    {
        using var reader = JsonTableReader.Open(Write("""[{"Name":"a","name":"b","":"c","a":{"b":1},"a.b":2}]"""), new JsonReadOptions());
        Assert.Equal(["Name", "name_2", "column_3", "a.b"], Names(reader));
        AssertRows([Row("a", "b", "c", 2L)], ReadAll(reader));
    }

    [Fact]
    public void Records_larger_than_the_read_buffer_and_many_batches()
    {
        var big = new string('é', 100_000);
        var lines = Enumerable.Range(1, 10).Select(i => $"{{\"i\":{i},\"s\":\"{(i == 5 ? big : "x")}\"}}");
        using var reader = JsonTableReader.Open(Write(string.Join("\n", lines)), new JsonReadOptions { BatchSize = 3 });
        var all = ReadAll(reader);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (object?)(long)i), all.Select(r => r[0]));
        Assert.Equal(big, all[4][1]);
        Assert.Equal("x", all[9][1]);
        Assert.Equal(10, reader.RowsRead);
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_byte()
    {
        var path = Write("{\"a\":1}\n{\"a\":2}\n{\"a\": tru}\n", "bad.ndjson");
        var ex = Assert.Throws<IngestException>(() => JsonTableReader.Open(path, new JsonReadOptions()));
        // the reader notices the bad literal "tru" at the '}' after it: byte 10
        Assert.StartsWith("'bad.ndjson', line 3, byte 10 of the line: malformed JSON ('tru}", ex.Message, StringComparison.Ordinal);
        Assert.Equal("bad.ndjson", ex.File);
        Assert.Equal("line 3", ex.Cell);
    }

    [Fact]
    public void Malformed_json_far_into_the_file_reports_the_absolute_line()
    {
        var good = string.Concat(Enumerable.Range(1, 5000).Select(i => $"{{\"i\":{i},\"pad\":\"{new string('x', 40)}\"}}\n"));
        var path = Write(good + "{\"i\":,}\n", "far.ndjson");
        var ex = Assert.Throws<IngestException>(() => JsonTableReader.Open(path, new JsonReadOptions()));
        Assert.StartsWith("'far.ndjson', line 5001, byte 6 of the line: malformed JSON (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_array_and_non_object_records_are_errors()
    {
        var unclosed = Write("[{\"a\":1},\n{\"a\":2}\n", "open.json");
        Assert.StartsWith("'open.json', line ", Assert.Throws<IngestException>(() => JsonTableReader.Open(unclosed, new JsonReadOptions())).Message, StringComparison.Ordinal);
        var scalar = Write("[{\"a\":1},\n 42]", "scalar.json");
        Assert.Equal("'scalar.json', line 2: each record must be a JSON object, found a number.",
            Assert.Throws<IngestException>(() => JsonTableReader.Open(scalar, new JsonReadOptions())).Message);
        var empty = Write("[]", "empty.json");
        Assert.Equal("'empty.json' holds no records with fields, so it has no columns.",
            Assert.Throws<IngestException>(() => JsonTableReader.Open(empty, new JsonReadOptions())).Message);
    }

    [Fact]
    public void Utf8_bom_is_skipped_and_layout_can_be_forced()
    {
        var path = _dir.Write("bom.json", [0xEF, 0xBB, 0xBF, .. "[{\"a\":\"ü\"}]"u8]);
        using var reader = JsonTableReader.Open(path, new JsonReadOptions { Layout = JsonLayout.Array });
        AssertRows([Row("ü")], ReadAll(reader));
        var lines = Write("[{\"a\":1}]", "lines.json");
        Assert.Equal("'lines.json', line 1: each record must be a JSON object, found an array.",
            Assert.Throws<IngestException>(() => JsonTableReader.Open(lines, new JsonReadOptions { Layout = JsonLayout.Lines })).Message);
    }
}
