using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>One sheet of a corpus workbook read whole, for cell-by-cell assertions.</summary>
public sealed record CorpusTable(string[] Names, ColumnType[] Types, List<object?[]> Rows, IReadOnlyList<SourceWarning> Warnings)
{
    public static CorpusTable Read(string file, string? sheet = null, int headerRow = 1)
    {
        using var reader = ExcelTableReader.Open(Corpus.File(file), new ExcelReadOptions { Sheet = sheet, HeaderRow = headerRow, BatchSize = 7 });
        var rows = TableReading.ReadAll(reader);
        Assert.Equal(rows.Count, reader.RowsRead);
        return new CorpusTable(TableReading.Names(reader), TableReading.Types(reader), rows, reader.Warnings);
    }

    public object?[] Column(int index) => Rows.Select(r => r[index]).ToArray();
}
