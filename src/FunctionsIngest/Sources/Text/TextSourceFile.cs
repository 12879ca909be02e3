using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Text;

/// <summary>Opens text sources with the same failure wording and display-name rule as the Excel reader (delegates to its SourceFile).</summary>
internal static class TextSourceFile
{
    public static FileStream OpenRead(string path, string displayName) => SourceFile.OpenRead(path, displayName);

    public static string DisplayName(string path, string? displayName) => SourceFile.DefaultDisplayName(path, displayName);
}
