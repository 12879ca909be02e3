using FunctionsIngest.Testing;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>The shared real-world workbook corpus: ../shared/corpus/readxl next to the folder holding FunctionsIngest.sln.</summary>
public static class Corpus
{
    private static readonly Lazy<string> Folder = new(() => RepoPaths.CorpusFolder);

    public static string ReadxlDir => Folder.Value;

    public static string File(string name) => System.IO.Path.Combine(ReadxlDir, name);

    public static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(ReadxlDir, pattern).OrderBy(f => f, StringComparer.Ordinal);
}
