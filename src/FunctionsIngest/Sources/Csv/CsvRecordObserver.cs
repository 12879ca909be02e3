using System.Globalization;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>
/// What a single-pass fill needs besides its converters: the chunk's profile of record shapes (field counts, short
/// rows; <see cref="CsvProfile.ObserveShape"/>) and the culture the fill classifies values with
/// (<see cref="CsvBatchFiller"/> checks each value's kind itself).
/// </summary>
internal sealed class CsvRecordObserver(CsvProfile profile, CsvReadOptions options, CultureInfo culture, string file)
{
    public CsvProfile Profile => profile;

    public CultureInfo Culture => culture;

    public char Separator { get; } = TextValues.FastSeparator(culture);

    /// <summary>Checks and counts the record; returns how many of its fields count (see <see cref="CsvProfile.ObserveShape"/>).</summary>
    public int ObserveShape(CsvParser parser) => profile.ObserveShape(parser, options, file);
}
