using System.Security;
using System.Text;
using FunctionsIngest.Tests.Fixtures;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>Sheet XML the plain builder cannot express: hidden rows, mergeCells after sheetData, hidden sheets.</summary>
public abstract class ExcelOptionsTestBase : XlsxTestBase
{
    /// <summary>sheetData rows from values (row 1 first); rows listed in <paramref name="hiddenRows"/> get hidden="1".</summary>
    protected static string Rows(XlsxBuilder book, object?[][] rows, params int[] hiddenRows)
    {
        var xml = new StringBuilder();
        for (int r = 0; r < rows.Length; r++)
        {
            int number = r + 1;
            xml.Append($"<row r=\"{number}\"{(hiddenRows.Contains(number) ? " hidden=\"1\"" : "")}>");
            for (int c = 0; c < rows[r].Length; c++)
                xml.Append(book.Cell(XlsxBuilder.Ref(c, number), rows[r][c]));
            xml.Append("</row>");
        }
        return xml.ToString();
    }

    /// <summary>
    /// Adds sheet number <paramref name="position"/> (1-based, the builder's part naming) whose XML ends with mergeCells,
    /// after sheetData as the schema orders them.
    /// </summary>
    protected static void SheetWithMerges(XlsxBuilder book, int position, string name, string sheetData, params string[] merges)
    {
        book.Sheet(name, sheetData);
        var part = $"xl/worksheets/sheet{position}.xml";
        var mergeXml = string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"));
        book.Part(part, $"<worksheet xmlns=\"{XlsxBuilder.Main}\"><sheetData>{sheetData}</sheetData><mergeCells count=\"{merges.Length}\">{mergeXml}</mergeCells><pageMargins left=\"0.7\"/></worksheet>");
    }

    /// <summary>Rewrites workbook.xml so the named sheets are hidden (the builder names parts and rels by position).</summary>
    protected static void HideSheets(XlsxBuilder book, string[] allSheets, params string[] hidden)
    {
        var sheets = string.Concat(allSheets.Select((s, i) =>
            $"<sheet name=\"{SecurityElement.Escape(s)}\" sheetId=\"{i + 1}\"{(hidden.Contains(s) ? " state=\"hidden\"" : "")} r:id=\"rIdS{i + 1}\"/>"));
        book.Part("xl/workbook.xml", $"<workbook xmlns=\"{XlsxBuilder.Main}\" xmlns:r=\"{XlsxBuilder.RelNs}\"><sheets>{sheets}</sheets></workbook>");
    }
}
