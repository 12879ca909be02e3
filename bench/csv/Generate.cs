using System.Globalization;
using System.Text;

namespace CsvBench;

/// <summary>
/// Writes the benchmark file: 10 columns (int, double, date, datetime, bool, pooled string, unique string, quoted
/// text with commas, int, double), about 10% blanks per column, fixed seed.
/// </summary>
internal static class Generate
{
    private static readonly string[] Pool = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima"];

    public static void Run(string path, int rows)
    {
        var random = new Random(42);
        var inv = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,amount,day,at,flag,category,code,comment,qty,ratio\n");
        var sb = new StringBuilder(256);
        var start = new DateTime(2020, 1, 1);
        for (int r = 0; r < rows; r++)
        {
            sb.Clear();
            Field(sb, random, (r + 1).ToString(inv), first: true);
            Field(sb, random, (random.NextDouble() * 20000 - 10000).ToString("0.####", inv));
            Field(sb, random, start.AddDays(random.Next(3000)).ToString("yyyy-MM-dd", inv));
            Field(sb, random, start.AddSeconds(random.NextInt64(250_000_000)).ToString("yyyy-MM-dd HH:mm:ss", inv));
            Field(sb, random, random.Next(2) == 0 ? "true" : "false");
            Field(sb, random, Pool[random.Next(Pool.Length)]);
            Field(sb, random, "C" + random.NextInt64(1_000_000_000_000).ToString("x", inv));
            Field(sb, random, random.Next(4) == 0 ? "\"note, with \"\"quotes\"\" " + r.ToString(inv) + "\"" : "plain " + r.ToString(inv));
            Field(sb, random, random.Next(-1000, 1000).ToString(inv));
            Field(sb, random, random.NextDouble().ToString("R", inv));
            sb.Append('\n');
            writer.Write(sb);
        }
    }

    private static void Field(StringBuilder sb, Random random, string value, bool first = false)
    {
        if (!first)
            sb.Append(',');
        if (first || random.Next(10) != 0)
            sb.Append(value);
    }
}
