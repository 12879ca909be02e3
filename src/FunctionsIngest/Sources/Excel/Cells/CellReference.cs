namespace FunctionsIngest.Sources.Excel.Cells;

/// <summary>A1-style references: "XFD1048576" => column 16383 (0-based), row 1048576 (1-based).</summary>
internal static class CellReference
{
    public const int MaxRow = 1_048_576;

    /// <summary>Parses letters then optional digits; columns past XFD come back as ≥ 16384 (callers reject them).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int column, out int row)
    {
        column = -1;
        row = 0;
        int i = 0;
        int col = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            if (i >= 3)
                return false; // more than three letters is past XFD
            col = col * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
        }
        if (i == 0)
            return false;
        column = col - 1;
        long r = 0;
        int digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            r = r * 10 + (text[i] - '0');
            if (r > int.MaxValue)
                return false;
            i++;
        }
        if (i != text.Length)
            return false;
        row = i == digitsStart ? 0 : (int)r;
        return true;
    }

    public static string ColumnName(int column)
    {
        Span<char> buffer = stackalloc char[8];
        int pos = buffer.Length;
        int n = column + 1;
        while (n > 0)
        {
            n--;
            buffer[--pos] = (char)('A' + n % 26);
            n /= 26;
        }
        return new string(buffer[pos..]);
    }

    public static string Format(int column, int row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
