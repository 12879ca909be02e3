using FunctionsIngest.Parquet.Thrift;

namespace FunctionsIngest.Parquet.Schema;

/// <summary>Writes the flat schema as FileMetaData.schema: a root element, then one SchemaElement per leaf.</summary>
internal static class SchemaWriter
{
    public static void Write(CompactWriter w, IReadOnlyList<ColumnDescriptor> columns)
    {
        w.ListField(2, CompactType.Struct, columns.Count + 1);
        w.BeginStruct();
        w.StringField(4, "schema");
        w.I32Field(5, columns.Count);
        w.EndStruct();
        foreach (var c in columns) WriteLeaf(w, c);
    }

    private static void WriteLeaf(CompactWriter w, ColumnDescriptor c)
    {
        w.BeginStruct();
        w.I32Field(1, (int)c.Physical);
        if (c.Physical == Format.PhysicalType.FixedLenByteArray) w.I32Field(2, c.TypeLength);
        w.I32Field(3, c.Required ? 0 : 1);
        w.StringField(4, c.Name);
        if (c.Converted is { } converted) w.I32Field(6, (int)converted);
        if (c.Logical == LogicalKind.Decimal)
        {
            w.I32Field(7, c.Scale);
            w.I32Field(8, c.Precision);
        }

        if (c.Logical != LogicalKind.None)
        {
            w.BeginStructField(10);
            WriteLogicalMember(w, c);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void WriteLogicalMember(CompactWriter w, ColumnDescriptor c)
    {
        switch (c.Logical)
        {
            case LogicalKind.String: w.EmptyStructField(1); break;
            case LogicalKind.Decimal:
                w.BeginStructField(5);
                w.I32Field(1, c.Scale);
                w.I32Field(2, c.Precision);
                w.EndStruct();
                break;
            case LogicalKind.Date: w.EmptyStructField(6); break;
            case LogicalKind.Time:
            case LogicalKind.Timestamp:
                w.BeginStructField(c.Logical == LogicalKind.Time ? (short)7 : (short)8);
                w.BoolField(1, c.IsAdjustedToUtc);
                w.BeginStructField(2);
                w.EmptyStructField((short)c.Unit);
                w.EndStruct();
                w.EndStruct();
                break;
            case LogicalKind.Integer:
                w.BeginStructField(10);
                w.I8Field(1, (sbyte)c.BitWidth);
                w.BoolField(2, c.IsSigned);
                w.EndStruct();
                break;
            case LogicalKind.Json: w.EmptyStructField(12); break;
            case LogicalKind.Uuid: w.EmptyStructField(14); break;
            default: throw new InvalidOperationException($"Unknown logical kind {c.Logical}.");
        }
    }
}
