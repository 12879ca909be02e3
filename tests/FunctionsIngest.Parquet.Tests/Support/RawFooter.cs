namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>The footer decoded by the test-side <see cref="ThriftCompactReader"/> (field ids as in parquet.thrift).</summary>
internal static class RawFooter
{
    public static Dictionary<short, object> Read(string path) => new ThriftCompactReader(TestFile.FooterBytes(path)).ReadStruct();

    /// <summary>ColumnMetaData (ColumnChunk field 3) of one chunk.</summary>
    public static Dictionary<short, object> ColumnMeta(string path, int rowGroup, int column)
    {
        var rowGroups = (List<object>)Read(path)[4];
        var chunk = (Dictionary<short, object>)((List<object>)((Dictionary<short, object>)rowGroups[rowGroup])[1])[column];
        return (Dictionary<short, object>)chunk[3];
    }

    /// <summary>Statistics (ColumnMetaData field 12) of one chunk.</summary>
    public static Dictionary<short, object> Statistics(string path, int rowGroup, int column) =>
        (Dictionary<short, object>)ColumnMeta(path, rowGroup, column)[12];
}
