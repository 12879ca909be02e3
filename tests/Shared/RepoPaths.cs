using System.Runtime.CompilerServices;

namespace FunctionsIngest.Testing;

/// <summary>Locates the repository (the folder with FunctionsIngest.sln) and the shared corpus beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());

    public static string Root => LazyRoot.Value;

    /// <summary>../shared/corpus/readxl beside the repository, as in CI.</summary>
    public static string CorpusFolder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "readxl"));
            return Directory.Exists(folder) ? folder
                : throw new DirectoryNotFoundException($"The workbook corpus is missing: expected {folder} (the shared folder beside the repository).");
        }
    }

    public static string CorpusFile(string name)
    {
        var path = Path.Combine(CorpusFolder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Corpus workbook '{name}' is missing from {CorpusFolder}.", path);
    }

    // Order: an explicit override; the test binaries' folder (in-repo builds); the working directory; this
    // source file's compile-time location (builds with --artifacts-path outside the repository).
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        string[] starts = [Environment.GetEnvironmentVariable("FUNCTIONSINGEST_REPO_ROOT") ?? "", AppContext.BaseDirectory,
            Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? ""];
        foreach (var start in starts.Where(s => s.Length > 0 && Directory.Exists(s)))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FunctionsIngest.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No FunctionsIngest.sln above {string.Join(" or ", starts)}.");
    }
}
