using System.Text;

namespace FunctionsIngest.Tests.Fixtures;

/// <summary>
/// Writes a legacy .xls workbook ([MS-XLS] BIFF8) with one worksheet of numbers and text, for the ExcelDataReader
/// path: the "Workbook" stream holds the globals substream (BOF, CODEPAGE, BOUNDSHEET8, EOF), then the sheet
/// substream (BOF, DIMENSIONS, a ROW record per row, the cells, EOF).
/// </summary>
public sealed class Biff8Builder(string sheetName = "Sheet1")
{
    private readonly List<(object?[] Cells, Hiding Hiding)> _rows = [];

    /// <summary>How a ROW record marks its row hidden.</summary>
    public enum Hiding
    {
        None,

        /// <summary>fDyZero set, miyRw keeping the row's height (as Excel writes a hidden row).</summary>
        DyZeroFlag,

        /// <summary>miyRw 0, no fDyZero.</summary>
        ZeroHeight,
    }

    /// <summary>The next sheet row; each value a number (double, int, long) or a string, null for no cell.</summary>
    public Biff8Builder Row(params object?[] cells)
    {
        _rows.Add((cells, Hiding.None));
        return this;
    }

    /// <summary>The next sheet row, hidden the given way.</summary>
    public Biff8Builder HiddenRow(Hiding hiding, params object?[] cells)
    {
        _rows.Add((cells, hiding));
        return this;
    }

    public byte[] Build() => Ole2Builder.WithStream("Workbook", WorkbookStream());

    public string Save(TempDir dir, string name = "book.xls") => dir.Write(name, Build());

    private byte[] WorkbookStream()
    {
        var stream = new BiffStream();
        stream.Record(RecordId.Bof, w => Bof(w, substreamType: 0x0005)); // workbook globals
        stream.Record(RecordId.CodePage, w => w.Write((ushort)1200));    // UTF-16
        long sheetOffsetField = stream.Position + 4;                     // lbPlyPos, just after the record header
        stream.Record(RecordId.BoundSheet8, w =>
        {
            w.Write(0u);      // lbPlyPos: stream offset of the sheet's BOF, patched below
            w.Write((byte)0); // hsState: visible
            w.Write((byte)0); // dt: worksheet
            ShortUnicodeString(w, sheetName);
        });
        stream.Record(RecordId.Eof, _ => { });

        stream.Patch(sheetOffsetField, (uint)stream.Position);
        stream.Record(RecordId.Bof, w => Bof(w, substreamType: 0x0010)); // worksheet
        int columns = _rows.Count == 0 ? 0 : _rows.Max(r => r.Cells.Length);
        stream.Record(RecordId.Dimensions, w =>
        {
            w.Write(0u);                  // rwMic
            w.Write((uint)_rows.Count);   // rwMac: last row + 1
            w.Write((ushort)0);           // colMic
            w.Write((ushort)columns);     // colMac: last column + 1
            w.Write((ushort)0);           // reserved
        });
        for (int r = 0; r < _rows.Count; r++)
            stream.Record(RecordId.Row, w => Row(w, r, _rows[r].Cells.Length, _rows[r].Hiding));
        for (int r = 0; r < _rows.Count; r++)
        {
            for (int c = 0; c < _rows[r].Cells.Length; c++)
                Cell(stream, r, c, _rows[r].Cells[c]);
        }
        stream.Record(RecordId.Eof, _ => { });
        return stream.ToArray();
    }

    private static void Cell(BiffStream stream, int row, int column, object? value)
    {
        if (value is string text)
            stream.Record(RecordId.Label, w => Label(w, row, column, text));
        else if (value is not null)
            stream.Record(RecordId.Number, w => Number(w, row, column, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void Bof(BinaryWriter w, ushort substreamType)
    {
        w.Write((ushort)0x0600); // vers: BIFF8
        w.Write(substreamType);  // dt
        w.Write((ushort)0x0DBB); // rupBuild
        w.Write((ushort)0x07CC); // rupYear
        w.Write(0u);             // file history flags
        w.Write(0x0006u);        // lowest BIFF version that saved the file
    }

    private static void Row(BinaryWriter w, int row, int columns, Hiding hiding)
    {
        w.Write((ushort)row);
        w.Write((ushort)0);        // colMic
        w.Write((ushort)columns);  // colMac: last column + 1
        // miyRw: height in twips, 300 = 15 pt (bit 15 clear: not the default height).
        w.Write((ushort)(hiding == Hiding.ZeroHeight ? 0 : 300));
        w.Write((ushort)0);        // reserved
        w.Write((ushort)0);        // unused
        // fUnsynced (0x40): the height is set by hand; fDyZero (0x20): hidden; 0x0100: a reserved bit Excel always sets.
        w.Write((ushort)(0x0100 | 0x0040 | (hiding == Hiding.DyZeroFlag ? 0x0020 : 0)));
        w.Write((ushort)0x000F);   // ixfe_val: the default cell XF
    }

    private static void Label(BinaryWriter w, int row, int column, string text)
    {
        CellHeader(w, row, column);
        w.Write((ushort)text.Length);   // cch
        w.Write((byte)1);               // fHighByte: UTF-16 characters
        w.Write(Encoding.Unicode.GetBytes(text));
    }

    private static void Number(BinaryWriter w, int row, int column, double value)
    {
        CellHeader(w, row, column);
        w.Write(value);
    }

    private static void CellHeader(BinaryWriter w, int row, int column)
    {
        w.Write((ushort)row);
        w.Write((ushort)column);
        w.Write((ushort)0x000F); // ixfe: the default cell XF
    }

    private static void ShortUnicodeString(BinaryWriter w, string text)
    {
        w.Write((byte)text.Length); // cch
        w.Write((byte)1);           // fHighByte: UTF-16 characters
        w.Write(Encoding.Unicode.GetBytes(text));
    }

    private static class RecordId
    {
        public const ushort Bof = 0x0809;
        public const ushort Eof = 0x000A;
        public const ushort CodePage = 0x0042;
        public const ushort BoundSheet8 = 0x0085;
        public const ushort Dimensions = 0x0200;
        public const ushort Row = 0x0208;
        public const ushort Number = 0x0203;
        public const ushort Label = 0x0204;
    }

    /// <summary>BIFF records: a 2-byte id, a 2-byte body length, the body.</summary>
    private sealed class BiffStream
    {
        private readonly MemoryStream _bytes = new();

        public long Position => _bytes.Position;

        public void Record(ushort id, Action<BinaryWriter> writeBody)
        {
            var body = new MemoryStream();
            using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
                writeBody(w);
            using var writer = new BinaryWriter(_bytes, Encoding.UTF8, leaveOpen: true);
            writer.Write(id);
            writer.Write((ushort)body.Length);
            writer.Write(body.ToArray());
        }

        public void Patch(long offset, uint value) =>
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(_bytes.GetBuffer().AsSpan((int)offset), value);

        public byte[] ToArray() => _bytes.ToArray();
    }
}
