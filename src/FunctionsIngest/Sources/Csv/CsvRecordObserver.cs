using System.Globalization;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// Profiles each record a single-pass fill reads, as pass 1 would (<see cref="CsvProfile"/>): the record's shape here,
/// each field's kind as the fill converts it (<see cref="CsvBatchFiller"/>).
/// </summary>
internal sealed class CsvRecordObserver(CsvProfile profile, CsvReadOptions options, CultureInfo culture, string file)
{
    public CsvProfile Profile => profile;

    public CultureInfo Culture => culture;

    public char Separator { get; } = TextValues.FastSeparator(culture);

    /// <summary>Checks and counts the record; returns how many of its fields count (see <see cref="CsvProfile.ObserveShape"/>).</summary>
    public int ObserveShape(CsvParser parser) => profile.ObserveShape(parser, options, file);
}
