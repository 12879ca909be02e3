using System.Text;
using FunctionsIngest.Data;
using FunctionsIngest.Sources.Csv;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Csv;

/// <summary>Writes CSV text or bytes to a temp file and reads it back as rows of plain values.</summary>
public abstract class CsvTestBase : IDisposable
{
    private readonly TempDir _dir = new();

    protected string WriteText(string text, string name = "data.csv") => _dir.Write(name, new UTF8Encoding(false).GetBytes(text));

    protected string WriteBytes(byte[] bytes, string name = "data.csv") => _dir.Write(name, bytes);

    protected static CsvTableReader Open(string path, CsvReadOptions? options = null) => CsvTableReader.Open(path, options ?? new CsvReadOptions());

    protected (string[] Names, ColumnType[] Types, List<object?[]> Rows) Read(string text, CsvReadOptions? options = null)
    {
        using var reader = Open(WriteText(text), options);
        return (TableReading.Names(reader), TableReading.Types(reader), TableReading.ReadAll(reader));
    }

    protected static object?[] Row(params object?[] values) => values;

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
