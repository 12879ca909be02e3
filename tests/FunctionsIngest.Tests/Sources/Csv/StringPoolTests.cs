using FunctionsIngest.Sources.Text;

namespace FunctionsIngest.Tests.Sources.Csv;

public class StringPoolTests
{
    [Fact]
    public void Repeated_values_share_one_string_and_unique_columns_turn_the_pool_off()
    {
        var pool = new StringPool();
        var first = pool.Get("alpha".AsSpan());
        Assert.Same(first, pool.Get("alpha".ToCharArray()));
        Assert.Equal("beta", pool.Get("beta".AsSpan()));
        Assert.Equal("", pool.Get([]));

        var unique = new StringPool();
        for (int i = 0; i < 5000; i++)
            Assert.Equal("u" + i, unique.Get(("u" + i).AsSpan()));
        var a = unique.Get("same".AsSpan());
        Assert.NotSame(a, unique.Get("same".AsSpan())); // off: every call allocates
        Assert.Equal("same", a);
    }
}
