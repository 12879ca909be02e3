using System.Globalization;
using System.Text;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>
/// <see cref="ExcelReadOptions.NormalizeHeaders"/>: header text to snake_case ASCII. Accents are stripped (Unicode
/// decomposition, combining marks dropped; "ß" => "ss", "æ" => "ae", "ø" => "o"...), every run of other characters
/// becomes one "_", and the result is trimmed of "_" and lower-cased (camelCase is not split: "OrderId" => "orderid").
/// A name that starts with a digit gets a leading "_" ("2024 Q1" => "_2024_q1"); one with no letters or digits
/// left returns null, so the caller names it "column_N".
/// </summary>
internal static class HeaderNormalizer
{
    public static string? Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return null;
        var decomposed = header.Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length + 4);
        bool pendingSeparator = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var ascii = c < 128 ? null : Transliterate(c);
            if (c < 128 && char.IsAsciiLetterOrDigit(c) || ascii is not null)
            {
                if (result.Length > 0 && pendingSeparator)
                    result.Append('_');
                pendingSeparator = false;
                if (ascii is null)
                    result.Append(c);
                else
                    result.Append(ascii);
            }
            else
            {
                pendingSeparator = true;
            }
        }
        if (result.Length == 0)
            return null;
        var name = result.ToString().ToLowerInvariant();
        return char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>Letters that do not decompose to ASCII; anything else non-ASCII is a separator.</summary>
    private static string? Transliterate(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'Đ' => "D",
        'ł' => "l",
        'Ł' => "L",
        'þ' => "th",
        'Þ' => "TH",
        'ð' => "d",
        'Ð' => "D",
        'ı' => "i",
        _ => null,
    };
}
