using FunctionsIngest.Data;
using FunctionsIngest.Sources.Text;
using FunctionsIngest.Tests.Fixtures;
using FunctionsIngest.Transforms;
using FunctionsIngest.Transforms.Specs;

namespace FunctionsIngest.Tests.Transforms;

/// <summary>Builds record batches from plain values and reads pipeline results back as rows.</summary>
internal static class Batches
{
    public static TableSchema Schema(params (string Name, ColumnType Type)[] columns) =>
        new(columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray());

    /// <summary>Values as TableReading gives them: long, double, bool, DateOnly, DateTime, string, null.</summary>
    public static RecordBatch Make(TableSchema schema, params object?[][] rows)
    {
        var batch = new RecordBatch(schema, Math.Max(rows.Length, 1));
        foreach (var row in rows)
        {
            for (int c = 0; c < schema.Count; c++)
            {
                var v = batch.Columns[c];
                switch (row[c])
                {
                    case null: v.AppendNull(); break;
                    case string s: ((StringVector)v).Append(s); break;
                    case long l: ((PrimitiveVector<long>)v).Append(l); break;
                    case double d: ((PrimitiveVector<double>)v).Append(d); break;
                    case bool b: ((PrimitiveVector<bool>)v).Append(b); break;
                    case DateOnly date: ((PrimitiveVector<int>)v).Append(IsoDateTime.ToEpochDays(date)); break;
                    case DateTime ts: ((PrimitiveVector<long>)v).Append(IsoDateTime.ToEpochMicros(ts)); break;
                    default: throw new ArgumentException($"Unsupported value {row[c]}");
                }
            }
        }
        return batch;
    }

    public static List<object?[]> Rows(RecordBatch? batch)
    {
        var rows = new List<object?[]>();
        for (int r = 0; r < (batch?.RowCount ?? 0); r++)
            rows.Add(batch!.Columns.Select(c => TableReading.ValueAt(c, r)).ToArray());
        return rows;
    }

    public static string[] Names(TableSchema schema) => schema.Columns.Select(c => c.Name).ToArray();

    public static ColumnType[] Types(TableSchema schema) => schema.Columns.Select(c => c.Type).ToArray();

    public static TransformPipeline Pipeline(TableSchema input, TransformContext? context = null, params TransformSpec[] specs) =>
        TransformPipeline.Create(input, specs, context ?? new TransformContext());

    public static object?[] Row(params object?[] values) => values;
}
