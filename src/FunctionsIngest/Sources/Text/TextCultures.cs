using System.Globalization;

namespace FunctionsIngest.Sources.Text;

/// <summary>Culture names as options give them: "" or null = invariant; only predefined cultures (ICU accepts any well-formed tag otherwise).</summary>
internal static class TextCultures
{
    public static bool TryResolve(string? name, out CultureInfo culture)
    {
        culture = CultureInfo.InvariantCulture;
        if (string.IsNullOrWhiteSpace(name))
            return true;
        try
        {
            culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
