namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Picks the delimiter for Delimiter = "auto" from the first lines after the skipped rows: among , ; tab |, the one
/// that appears (outside quotes) the same non-zero number of times on every sampled line, the most frequent such;
/// failing that the most frequent overall; ',' when none appears.
/// </summary>
internal static class CsvDelimiterSniffer
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];
    private const int SampleLines = 20;

    public static char Sniff(TextReader reader, char quote, int skipRows)
    {
        var counts = new List<int[]>();
        var current = new int[Candidates.Length];
        bool inQuotes = false, any = false;
        int skipped = 0, c;
        while (counts.Count < SampleLines && (c = reader.Read()) >= 0)
        {
            if (skipped < skipRows)
            {
                if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                    skipped++;
                continue;
            }
            if (quote != '\0' && c == quote)
                inQuotes = !inQuotes;
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                if (any)
                    counts.Add(current);
                current = new int[Candidates.Length];
                any = false;
            }
            else
            {
                any = true;
                if (!inQuotes && Array.IndexOf(Candidates, (char)c) is var k and >= 0)
                    current[k]++;
            }
        }
        if (any)
            counts.Add(current);
        return Choose(counts);
    }

    private static char Choose(List<int[]> lines)
    {
        int best = -1, bestCount = 0;
        for (int k = 0; k < Candidates.Length; k++)
        {
            if (lines.Count > 0 && lines[0][k] > 0 && lines.TrueForAll(l => l[k] == lines[0][k]) && lines[0][k] > bestCount)
                (best, bestCount) = (k, lines[0][k]);
        }
        if (best >= 0)
            return Candidates[best];
        for (int k = 0; k < Candidates.Length; k++)
        {
            int total = lines.Sum(l => l[k]);
            if (total > bestCount)
                (best, bestCount) = (k, total);
        }
        return best >= 0 ? Candidates[best] : ',';
    }
}
