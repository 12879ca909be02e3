using System.Globalization;
using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Sources.Csv;

/// <summary>Profiles each record a fill reads, exactly as pass 1 would (<see cref="CsvProfile.Observe"/>).</summary>
internal sealed class CsvRecordObserver(CsvProfile profile, CsvReadOptions options, CultureInfo culture, string file)
{
    private readonly char _separator = TextValues.FastSeparator(culture);

    public CsvProfile Profile => profile;

    public void Observe(CsvParser parser) => profile.Observe(parser, options, culture, _separator, file);
}
