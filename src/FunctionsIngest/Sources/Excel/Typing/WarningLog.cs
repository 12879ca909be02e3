using FunctionsIngest.Data;
using FunctionsIngest.Sources.Excel.Cells;

namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>Collects the null-with-warning cells of the sheets read: the first <see cref="MaxListed"/> by name, the rest counted.</summary>
internal sealed class WarningLog
{
    public const int MaxListed = 100;

    private readonly List<SourceWarning> _list = [];
    private readonly List<string> _sheets = [];
    private string _sheet;
    private long _unlisted;
    private bool _closed;

    public WarningLog(string sheet)
    {
        _sheet = sheet;
        _sheets.Add(sheet);
    }

    /// <summary>The sheet the next warnings are about.</summary>
    public string Sheet
    {
        get => _sheet;
        set
        {
            _sheet = value;
            if (!_sheets.Contains(value))
                _sheets.Add(value);
        }
    }

    /// <summary>Adds a warning that is not about one cell.</summary>
    public void AddNote(SourceWarning warning) => _list.Add(warning);

    public IReadOnlyList<SourceWarning> List => _list;

    public long Count { get; private set; }

    public void Add(in CellValue cell, int column, int row)
    {
        Count++;
        if (_list.Count >= MaxListed)
        {
            _unlisted++;
            return;
        }
        var at = CellReference.Format(column, row);
        _list.Add(cell.Kind switch
        {
            CellKind.Error => IngestErrors.ErrorCellWarning(_sheet, at, cell.Text ?? "#N/A"),
            CellKind.NoCachedValue => IngestErrors.FormulaWithoutValueWarning(_sheet, at),
            _ => IngestErrors.InvalidDateWarning(_sheet, at, cell.Text ?? ""),
        });
    }

    /// <summary>Appends the summary of unlisted warnings, once.</summary>
    public void Close()
    {
        if (_closed)
            return;
        _closed = true;
        if (_unlisted > 0)
            _list.Add(IngestErrors.MoreWarnings(string.Join(", ", _sheets), _unlisted));
    }
}
