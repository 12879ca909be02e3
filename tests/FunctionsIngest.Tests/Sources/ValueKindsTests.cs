using FunctionsIngest.Data;
using FunctionsIngest.Sources;

namespace FunctionsIngest.Tests.Sources;

/// <summary>
/// A single pass checks each value's kind against <see cref="ValueKinds.KeptBy"/> instead of resolving the whole
/// column again, so the two must agree for every set of kinds a sample can show and every set a file can add.
/// </summary>
public class ValueKindsTests
{
    private static readonly ValueKind[] Kinds =
        [ValueKind.Integer, ValueKind.Fractional, ValueKind.Boolean, ValueKind.Date, ValueKind.DateTime, ValueKind.Time, ValueKind.Text];

    private static IEnumerable<ValueKind> Sets() =>
        Enumerable.Range(0, 1 << Kinds.Length).Select(bits => Kinds.Where((_, i) => (bits & (1 << i)) != 0).Aggregate(ValueKind.None, (a, k) => a | k));

    [Fact]
    public void Added_kinds_keep_a_sampled_type_exactly_when_the_type_keeps_them_all()
    {
        int checkedPairs = 0;
        foreach (var sample in Sets().Where(s => s != ValueKind.None))
        {
            var type = ValueKinds.Resolve(sample);
            foreach (var added in Sets())
            {
                bool kept = (added & ~ValueKinds.KeptBy(type)) == 0;
                Assert.True(kept == (ValueKinds.Resolve(sample | added) == type),
                    $"sample {sample} ({type}) + {added}: KeptBy says {kept}, Resolve gives {ValueKinds.Resolve(sample | added)}");
                checkedPairs++;
            }
        }
        Assert.Equal(127 * 128, checkedPairs);
    }

    [Fact]
    public void A_column_without_values_is_not_kept_as_text_by_its_later_values()
    {
        // why a single pass does not guess a column its sample saw empty: nothing seen resolves to String, and a value changes that
        Assert.Equal(ColumnType.String, ValueKinds.Resolve(ValueKind.None));
        Assert.Equal(ColumnType.Int64, ValueKinds.Resolve(ValueKind.None | ValueKind.Integer));
    }
}
