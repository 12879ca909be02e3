namespace FunctionsIngest.Sources.Excel.Xlsx;

/// <summary>
/// Decodes ST_Xstring escapes (ECMA-376 §22.9.2.19): each "_xHHHH_" (hex, any case) is one UTF-16 code unit,
/// scanned left to right without rescanning output, so "_x005F_x000D_" reads as the literal text "_x000D_".
/// </summary>
internal static class OoxmlEscapes
{
    public static string Decode(string text)
    {
        int first = text.IndexOf("_x", StringComparison.Ordinal);
        if (first < 0)
            return text;
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        int i = first;
        while (i < text.Length)
        {
            if (IsEscapeAt(text, i, out char c))
            {
                builder.Append(c);
                i += 7;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }
        return builder.ToString();
    }

    private static bool IsEscapeAt(string text, int i, out char value)
    {
        value = '\0';
        if (i + 7 > text.Length || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
            return false;
        int code = 0;
        for (int k = 2; k < 6; k++)
        {
            int digit = HexValue(text[i + k]);
            if (digit < 0)
                return false;
            code = (code << 4) | digit;
        }
        value = (char)code;
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
