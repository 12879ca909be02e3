namespace FunctionsIngest.Parquet.Tests.Support;

/// <summary>One page header as found by walking a column chunk (type: 0 data, 2 dictionary).</summary>
internal sealed record PageInfo(int Type, int UncompressedSize, int CompressedSize, int NumValues, int Encoding, long Offset);

/// <summary>Walks the pages of every column chunk using the footer's offsets and sizes.</summary>
internal static class PageWalker
{
    /// <summary>Pages per (row group, column), in file order.</summary>
    public static List<List<List<PageInfo>>> Walk(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var footer = new ThriftCompactReader(TestFile.FooterBytes(path)).ReadStruct();
        var result = new List<List<List<PageInfo>>>();
        foreach (Dictionary<short, object> rowGroup in (List<object>)footer[4])
        {
            var columns = new List<List<PageInfo>>();
            foreach (Dictionary<short, object> chunk in (List<object>)rowGroup[1])
            {
                var meta = (Dictionary<short, object>)chunk[3];
                long start = meta.TryGetValue(11, out var dict) ? (long)dict : (long)meta[9];
                long end = start + (long)meta[7];
                var pages = new List<PageInfo>();
                long position = start;
                while (position < end)
                {
                    var reader = new ThriftCompactReader(bytes, (int)position);
                    var header = reader.ReadStruct();
                    int type = (int)(long)header[1];
                    var sub = (Dictionary<short, object>)(type == 2 ? header[7] : header[5]);
                    pages.Add(new PageInfo(type, (int)(long)header[2], (int)(long)header[3], (int)(long)sub[1], (int)(long)sub[2], position));
                    position = reader.Position + (int)(long)header[3];
                }

                if (position != end) throw new InvalidDataException($"Pages overrun the chunk: ended at {position}, chunk ends at {end}.");
                columns.Add(pages);
            }

            result.Add(columns);
        }

        return result;
    }
}
