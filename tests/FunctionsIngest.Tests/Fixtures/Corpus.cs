namespace FunctionsIngest.Tests.Fixtures;

/// <summary>The shared real-world workbook corpus: ../shared/corpus/readxl next to the folder holding FunctionsIngest.sln.</summary>
public static class Corpus
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string ReadxlDir => Folder.Value;

    public static string File(string name) => System.IO.Path.Combine(ReadxlDir, name);

    public static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(ReadxlDir, pattern).OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>
    /// Walks up from the test binaries (the brief's rule); builds with a separate --artifacts-path put those outside
    /// the repository, so the working directory and this source file's compile-time path are tried too.
    /// </summary>
    private static string Locate() =>
        FindFrom(AppContext.BaseDirectory) ?? FindFrom(Environment.CurrentDirectory) ?? FindFrom(SourceFolder())
        ?? throw new InvalidOperationException($"FunctionsIngest.sln was not found above '{AppContext.BaseDirectory}', so the corpus at ../shared/corpus/readxl cannot be located.");

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path) ?? "";

    private static string? FindFrom(string start)
    {
        if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            return null;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "FunctionsIngest.sln")))
            {
                var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpus", "readxl"));
                if (!Directory.Exists(corpus))
                    throw new InvalidOperationException($"The workbook corpus was not found at '{corpus}'. It must sit at ../shared/corpus/readxl beside the repository.");
                return corpus;
            }
        }
        return null;
    }
}
