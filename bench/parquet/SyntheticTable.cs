using FunctionsIngest.Parquet;

namespace ParquetBench;

/// <summary>
/// The benchmark's 10-column table, generated from the row index exactly like duckdb-bench.mjs's SQL so both writers
/// store the same values: ints, doubles, a DECIMAL(18,2), dates, timestamps, booleans, low- and high-cardinality
/// strings, a float; ~10% nulls in the nullable columns.
/// </summary>
internal sealed class SyntheticTable
{
    public static readonly ParquetColumn[] Columns =
    [
        new("id", ParquetColumnType.Int64, Nullable: false),
        new("qty", ParquetColumnType.Int32),
        new("price", ParquetColumnType.Double),
        ParquetColumn.Decimal("amount", 18, 2),
        new("day", ParquetColumnType.Date),
        new("ts", ParquetColumnType.TimestampMicros),
        new("flag", ParquetColumnType.Boolean),
        new("category", ParquetColumnType.String),
        new("customer", ParquetColumnType.String),
        new("score", ParquetColumnType.Float),
    ];

    private static readonly string[] Categories = Enumerable.Range(0, 50).Select(c => $"cat-{c}").ToArray();

    private readonly long[] _id, _amount, _ts;
    private readonly int[] _qty, _day;
    private readonly double[] _price;
    private readonly float[] _score;
    private readonly bool[] _flag;
    private readonly string?[] _category, _customer;
    private readonly bool[][] _nulls;

    public SyntheticTable(int batchSize)
    {
        BatchSize = batchSize;
        _id = new long[batchSize];
        _amount = new long[batchSize];
        _ts = new long[batchSize];
        _qty = new int[batchSize];
        _day = new int[batchSize];
        _price = new double[batchSize];
        _score = new float[batchSize];
        _flag = new bool[batchSize];
        _category = new string?[batchSize];
        _customer = new string?[batchSize];
        _nulls = Enumerable.Range(0, Columns.Length).Select(_ => new bool[batchSize]).ToArray();
    }

    public int BatchSize { get; }

    /// <summary>Null when (i * 13 + column) % 10 == 0, for the nullable columns (1..9).</summary>
    private static bool IsNull(long i, int column) => (i * 13 + column) % 10 == 0;

    // Optimized at first call, like DuckDB's compiled range()/expression code it is compared against.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Fill(long start, int count)
    {
        for (int k = 0; k < count; k++)
        {
            long i = start + k;
            for (int c = 1; c < Columns.Length; c++) _nulls[c][k] = IsNull(i, c);
            _id[k] = i;
            _qty[k] = (int)(i * 7919 % 1000);
            _price[k] = (i * 2654435761 % 100000) / 100.0;
            _amount[k] = i * 31 % 10_000_000;
            _day[k] = 18_000 + (int)(i % 3650);
            _ts[k] = 1_600_000_000_000_000 + (i * 1_000_003);
            _flag[k] = i % 3 == 0;
            _category[k] = _nulls[7][k] ? null : Categories[i % 50];
            _customer[k] = _nulls[8][k] ? null : Customer(i);
            _score[k] = (i % 1000) / 7.0f;
        }
    }

    /// <summary>"customer-{i}" in one allocation.</summary>
    private static string Customer(long i)
    {
        int digits = i == 0 ? 1 : (int)Math.Floor(Math.Log10(i)) + 1;
        return string.Create(9 + digits, i, static (span, value) =>
        {
            "customer-".CopyTo(span);
            value.TryFormat(span[9..], out _, default, System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    public void Write(ParquetWriter w, int count)
    {
        w.WriteInt64(0, _id.AsSpan(0, count), default);
        w.WriteInt32(1, _qty.AsSpan(0, count), _nulls[1].AsSpan(0, count));
        w.WriteDouble(2, _price.AsSpan(0, count), _nulls[2].AsSpan(0, count));
        w.WriteInt64(3, _amount.AsSpan(0, count), _nulls[3].AsSpan(0, count));
        w.WriteInt32(4, _day.AsSpan(0, count), _nulls[4].AsSpan(0, count));
        w.WriteInt64(5, _ts.AsSpan(0, count), _nulls[5].AsSpan(0, count));
        w.WriteBoolean(6, _flag.AsSpan(0, count), _nulls[6].AsSpan(0, count));
        w.WriteString(7, _category.AsSpan(0, count));
        w.WriteString(8, _customer.AsSpan(0, count));
        w.WriteFloat(9, _score.AsSpan(0, count), _nulls[9].AsSpan(0, count));
        w.EndBatch();
    }
}
