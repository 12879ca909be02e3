using System.Text;
using System.Text.RegularExpressions;

namespace FunctionsIngest.Storage;

/// <summary>
/// Glob patterns for sources: "*" and "?" within a folder name, "**" across folders
/// ("in/sales/*.xlsx", "in/**/*.xls?"). Matching is case-sensitive, like the file system.
/// </summary>
public sealed class FilePattern
{
    private readonly Regex _regex;

    public FilePattern(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        var segments = Pattern.Split('/');
        var literal = segments.TakeWhile(s => !HasWildcard(s)).ToList();
        if (literal.Count == segments.Length)
            literal.RemoveAt(literal.Count - 1);
        BaseFolder = string.Join('/', literal);
        _regex = new Regex("^" + ToRegex(Pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    /// <summary>The folder before the first wildcard ("in/sales" for "in/sales/*.xlsx"); empty for the root.</summary>
    public string BaseFolder { get; }

    public static bool HasWildcard(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    /// <summary>The matching files in storage, sorted by path. Files reached through links that leave a local root are left out.</summary>
    public async Task<IReadOnlyList<StoredFile>> ExpandAsync(IFileStorage storage, Action<string>? onRefused, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var files = await storage.ListFilesAsync(BaseFolder, onRefused, ct);
        // Folders and files starting with "_" or "." are the product's own (staging, manifests, temporary files) or hidden.
        return files.Where(f => IsMatch(f.Path) && !f.Path.Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.'))).ToList();
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
                regex.Append("[^/]*");
            else if (c == '?')
                regex.Append("[^/]");
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.ToString();
    }
}
