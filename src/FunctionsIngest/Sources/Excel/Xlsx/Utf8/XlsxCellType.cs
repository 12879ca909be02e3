using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Excel.Xlsx.Utf8;

/// <summary>What c/@t says a cell's &lt;v&gt; holds.</summary>
internal enum XlsxCellType : byte { Number, Shared, InlineString, FormulaString, Boolean, Error, Date }

internal static class XlsxCellTypes
{
    /// <summary>The type named by c/@t; unknown names read their &lt;v&gt; as text, like t="str".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static XlsxCellType Of(ReadOnlySpan<byte> t)
    {
        if (t.Length == 1)
        {
            switch (t[0])
            {
                case (byte)'s': return XlsxCellType.Shared;
                case (byte)'n': return XlsxCellType.Number;
                case (byte)'b': return XlsxCellType.Boolean;
                case (byte)'e': return XlsxCellType.Error;
                case (byte)'d': return XlsxCellType.Date;
            }
            return XlsxCellType.FormulaString;
        }
        if (t.IsEmpty) return XlsxCellType.Number;
        if (t.SequenceEqual("str"u8)) return XlsxCellType.FormulaString;
        if (t.SequenceEqual("inlineStr"u8)) return XlsxCellType.InlineString;
        return XlsxCellType.FormulaString;
    }
}
