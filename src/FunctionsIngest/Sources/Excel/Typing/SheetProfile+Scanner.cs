using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Layout;

namespace FunctionsIngest.Sources.Excel.Typing;

internal sealed partial class SheetProfile
{
    /// <summary>
    /// Pass 1 over one sheet as a loop that can stop and go on: <see cref="Run"/> reads rows into the profile (data
    /// rows to the spool) until the sheet ends or, for a single pass, until a sample of data rows was taken; after a
    /// stop, <see cref="Run"/> goes on where it stopped, or <see cref="ReadRawRow"/> hands out the remaining rows
    /// without profiling them.
    /// </summary>
    public sealed class Scanner
    {
        private readonly ISheetRowSource _source;
        private readonly SheetScanPlan _plan;
        private readonly WarningLog _warnings;
        private readonly RowSpool _spool;
        private readonly RowBuffer _own = new();
        private HeaderDetector? _detector;
        private long _taken;
        private long _dataRows;

        public Scanner(ISheetRowSource source, SheetScanPlan plan, WarningLog warnings, RowSpool spool)
        {
            _source = source;
            _plan = plan;
            _warnings = warnings;
            _spool = spool;
            Profile = new SheetProfile(source.SheetName) { HeaderRow = plan.HeaderRow ?? 0 };
            _detector = plan.HeaderRow is null ? new HeaderDetector() : null;
            source.ReportHiddenRows = plan.SkipHiddenRows;
        }

        public SheetProfile Profile { get; }

        /// <summary>The part of the sheet read.</summary>
        public SheetWindow Window => _plan.Window;

        /// <summary>True once the sheet (or the window) was read to its end.</summary>
        public bool Ended { get; private set; }

        /// <summary>
        /// Reads rows until the sheet ends, or until the header is known and <paramref name="sampleRows"/> data rows
        /// past it were taken (rows the header detection held back are not counted).
        /// </summary>
        public void Run(long sampleRows = long.MaxValue)
        {
            var window = _plan.Window;
            var profile = Profile;
            ProfileRelay? relay = null;
            try
            {
                while (true)
                {
                    if (_dataRows >= sampleRows && _detector is null)
                        break;
                    var row = relay?.Next ?? _own;
                    if (!_source.ReadRow(row) || row.RowNumber > window.LastRow)
                    {
                        Ended = true;
                        break;
                    }
                    if (row.RowNumber < window.FirstRow)
                        continue;
                    if (window.ClipsColumns)
                        row.KeepColumns(window.FirstColumn, window.LastColumn);
                    if (row.Hidden && row.RowNumber != profile.HeaderRow)
                    {
                        profile._hiddenRows.Add(row.RowNumber);
                        continue;
                    }
                    if (_detector is null)
                    {
                        if (row.RowNumber > profile.HeaderRow)
                            _dataRows++;
                        if (relay is not null)
                        {
                            relay.Commit();
                            continue;
                        }
                        profile.Take(row, _warnings, _source, _spool);
                        // A long sheet profiles on a helper thread from here on: past the header row, so the helper
                        // only sees data rows (never the header's shared-string lookups).
                        if (++_taken >= _plan.HelperAfterRows && row.RowNumber > profile.HeaderRow && _dataRows < sampleRows && Environment.ProcessorCount > 1)
                            relay = new ProfileRelay(r => profile.Take(r, _warnings, _source, _spool));
                    }
                    else if (_detector.Add(row))
                    {
                        profile.TakeDetected(_detector, _warnings, _source, _spool);
                        _detector = null;
                    }
                }
                relay?.Complete();
            }
            finally
            {
                relay?.Dispose();
            }
        }

        /// <summary>After the sheet ended: the header if detection is still open, and the merged ranges.</summary>
        public SheetProfile Finish()
        {
            if (_detector is not null)
            {
                Profile.TakeDetected(_detector, _warnings, _source, _spool);
                _detector = null;
            }
            if (_plan.FillMergedCells && Profile.HasTable)
                Profile.Merges = MergeFill.Create(_source.ReadMergedRanges(), _plan.Window, Profile.HeaderRow);
            return Profile;
        }

        /// <summary>
        /// After a stop: the next row inside the window, its columns clipped to it, neither profiled nor spooled
        /// (<see cref="RowBuffer.Hidden"/> still set on hidden rows when they are left out); false at the end.
        /// </summary>
        public bool ReadRawRow(RowBuffer row)
        {
            var window = _plan.Window;
            if (Ended || !_source.ReadRow(row) || row.RowNumber > window.LastRow)
            {
                Ended = true;
                return false;
            }
            if (window.ClipsColumns)
                row.KeepColumns(window.FirstColumn, window.LastColumn);
            return true;
        }
    }
}
