using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Package;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

internal sealed partial class Utf8SheetReader
{
    public IReadOnlyList<MergedRange> ReadMergedRanges()
    {
        try
        {
            SkipRemainingRows();
            return ReadMergeCells();
        }
        catch (Exception ex) when (XmlParts.Map(File, _part, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    private void SkipRemainingRows()
    {
        if (_onRow && !_rowIsEmpty)
            SkipElement();
        _onRow = false;
        while (MoveToNextRow())
        {
            if (!_rowIsEmpty)
                SkipElement();
        }
    }

    /// <summary>After sheetData: every mergeCell's ref (mergeCells follows sheetData in CT_Worksheet).</summary>
    private List<MergedRange> ReadMergeCells()
    {
        var ranges = new List<MergedRange>();
        while (true)
        {
            var kind = _cursor.NextTag();
            if (kind == TagKind.EndOfDocument)
                return ranges;
            if (kind != TagKind.StartTag || !_cursor.LocalName.SequenceEqual("mergeCell"u8))
                continue;
            if (_cursor.TryGetAttribute("ref"u8, out var reference) && MergedRange.TryParse(Text(reference), out var range))
                ranges.Add(range);
        }
    }
}
