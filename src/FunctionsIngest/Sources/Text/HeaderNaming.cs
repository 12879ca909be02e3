using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Column names for text sources, by the Excel reader's convention (delegates to its HeaderNames): trimmed text;
/// blank => "column_N" (N = 1-based field position); case-insensitive duplicates => "_2", "_3"... left to right.
/// </summary>
internal static class HeaderNaming
{
    public static string[] Build(IReadOnlyList<string?> raw) => HeaderNames.Build(raw, 0);
}
