using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;
using FunctionsIngest.Parquet.Schema;
using FunctionsIngest.Parquet.Thrift;

namespace FunctionsIngest.Parquet.File;

/// <summary>Serialises FileMetaData (Thrift compact): schema, row groups with ColumnMetaData, metadata, created_by, column orders.</summary>
internal static class FooterWriter
{
    public static void Write(ByteBuffer output, IReadOnlyList<ColumnDescriptor> columns, IReadOnlyList<RowGroupInfo> rowGroups,
        CompressionCodec codec, IReadOnlyDictionary<string, string>? metadata, string createdBy)
    {
        var w = new CompactWriter(output);
        w.BeginStruct();
        // Version 1: parquet.thrift says writers should always write 1 (Arrow C++ writes 2; readers accept both).
        w.I32Field(1, 1);
        SchemaWriter.Write(w, columns);
        w.I64Field(3, rowGroups.Sum(g => g.Rows));
        w.ListField(4, CompactType.Struct, rowGroups.Count);
        for (int g = 0; g < rowGroups.Count; g++) WriteRowGroup(w, columns, rowGroups[g], g <= short.MaxValue ? (short)g : (short)-1, codec);
        if (metadata is { Count: > 0 })
        {
            w.ListField(5, CompactType.Struct, metadata.Count);
            foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.BeginStruct();
                w.StringField(1, key);
                if (value is not null) w.StringField(2, value);
                w.EndStruct();
            }
        }

        w.StringField(6, createdBy);
        // TYPE_ORDER for every leaf: without column_orders min_value/max_value are undefined (Arrow C++ drops them).
        w.ListField(7, CompactType.Struct, columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            w.BeginStruct();
            w.EmptyStructField(1);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void WriteRowGroup(CompactWriter w, IReadOnlyList<ColumnDescriptor> columns, RowGroupInfo group, short ordinal, CompressionCodec codec)
    {
        w.BeginStruct();
        w.ListField(1, CompactType.Struct, group.Columns.Count);
        for (int c = 0; c < group.Columns.Count; c++) WriteColumnChunk(w, columns[c], group.Columns[c], codec);
        w.I64Field(2, group.TotalUncompressed);
        w.I64Field(3, group.Rows);
        w.I64Field(5, group.FileOffset);
        w.I64Field(6, group.TotalCompressed);
        if (ordinal >= 0) w.I16Field(7, ordinal);
        w.EndStruct();
    }

    private static void WriteColumnChunk(CompactWriter w, ColumnDescriptor column, WrittenChunk written, CompressionCodec codec)
    {
        var chunk = written.Chunk;
        w.BeginStruct();
        w.I64Field(2, 0);
        w.BeginStructField(3);
        w.I32Field(1, (int)column.Physical);
        w.ListField(2, CompactType.I32, chunk.Encodings.Count);
        foreach (var e in chunk.Encodings) w.WriteI32((int)e);
        w.ListField(3, CompactType.Binary, 1);
        w.WriteString(column.Name);
        w.I32Field(4, (int)codec);
        w.I64Field(5, chunk.NumValues);
        w.I64Field(6, chunk.UncompressedSize);
        w.I64Field(7, written.CompressedSize);
        w.I64Field(9, written.DataPageOffset);
        if (written.DictionaryPageOffset is { } dictionaryOffset) w.I64Field(11, dictionaryOffset);
        chunk.Statistics.Write(w, 12);
        w.ListField(13, CompactType.Struct, chunk.EncodingStats.Count);
        foreach (var (type, encoding, count) in chunk.EncodingStats)
        {
            w.BeginStruct();
            w.I32Field(1, (int)type);
            w.I32Field(2, (int)encoding);
            w.I32Field(3, count);
            w.EndStruct();
        }

        w.EndStruct();
        w.EndStruct();
    }
}
