using FunctionsIngest.Data;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>Opening the source file with every failure worded by <see cref="IngestErrors"/>.</summary>
internal static class SourceFile
{
    public static FileStream OpenRead(string path, string displayName)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw IngestErrors.FileNotFound(displayName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw IngestErrors.Io(displayName, ex);
        }
    }

    public static string DefaultDisplayName(string path, string? displayName) =>
        string.IsNullOrEmpty(displayName) ? Path.GetFileName(path) : displayName;
}
