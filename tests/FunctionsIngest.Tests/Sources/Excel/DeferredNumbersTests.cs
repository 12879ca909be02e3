using System.Text;
using FunctionsIngest.Sources.Excel.Cells;
using FunctionsIngest.Sources.Excel.Typing;

namespace FunctionsIngest.Tests.Sources.Excel;

public class DeferredNumbersTests
{
    [Fact]
    public void Gives_back_every_cell_with_its_text_at_every_length_and_after_growing()
    {
        var numbers = new DeferredNumbers();
        var expected = new List<string>();
        for (int i = 0; i < 5000; i++)
        {
            // Lengths 1-40 in turn, so the short copies (4-16 bytes) meet their neighbours on both sides.
            var text = string.Concat(Enumerable.Range(0, i % 40 + 1).Select(k => (char)('0' + (i + k) % 10)));
            expected.Add(text);
            numbers.Add(i % 7, i, (NumberFormatKind)(i % 3), Encoding.ASCII.GetBytes(text));
        }

        Assert.Equal(5000, numbers.Count);
        for (int i = 0; i < numbers.Count; i++)
        {
            var text = numbers.Get(i, out int column, out int row, out var kind);
            Assert.Equal(expected[i], Encoding.ASCII.GetString(text));
            Assert.Equal((i % 7, i, (NumberFormatKind)(i % 3)), (column, row, kind));
        }
        numbers.Clear();
        Assert.Equal(0, numbers.Count);
        numbers.Add(1, 2, NumberFormatKind.Number, "12.5"u8);
        Assert.Equal("12.5", Encoding.ASCII.GetString(numbers.Get(0, out _, out _, out _)));
    }
}
