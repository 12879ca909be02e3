using FunctionsIngest.Sources.Excel;
using FunctionsIngest.Sources.Excel.Typing;
using FunctionsIngest.Tests.Fixtures;
using static FunctionsIngest.Tests.Fixtures.TableReading;

namespace FunctionsIngest.Tests.Sources.Excel;

/// <summary>NormalizeHeaders: snake_case ASCII names, then made unique like other headers.</summary>
public class HeaderNormalizerTests : ExcelOptionsTestBase
{
    [Theory]
    [InlineData("Order Date (UTC)", "order_date_utc")]
    [InlineData("  Customer   Name ", "customer_name")]
    [InlineData("Prix unitaire (€)", "prix_unitaire")]
    [InlineData("Année", "annee")]
    [InlineData("Größe", "grosse")]
    [InlineData("Straße Nr.", "strasse_nr")]
    [InlineData("Ærø Øst", "aero_ost")]
    [InlineData("Łódź", "lodz")]
    [InlineData("naïve café", "naive_cafe")]
    [InlineData("e-mail", "e_mail")]
    [InlineData("__id__", "id")]
    [InlineData("% margin", "margin")]
    [InlineData("2024 Q1", "_2024_q1")]
    [InlineData("Q1 2024", "q1_2024")]
    [InlineData("OrderID", "orderid")]
    [InlineData("ＡＢＣ full width", "abc_full_width")]
    [InlineData("m²", "m2")]
    [InlineData("a\tb\nc", "a_b_c")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("数量", null)]
    [InlineData("---", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Names_become_snake_case_ascii(string? header, string? expected) =>
        Assert.Equal(expected, HeaderNormalizer.Normalize(header));

    [Fact]
    public void Normalised_names_stay_unique_and_blank_ones_are_numbered()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["Unit Price", "unit-price", "UNIT PRICE!", "€€", null, "column_5"], [1, 2, 3, 4, 5, 6]);
        using var reader = Open(book, new ExcelReadOptions { NormalizeHeaders = true });
        Assert.Equal(["unit_price", "unit_price_2", "unit_price_3", "column_4", "column_5", "column_5_2"], Names(reader));
    }

    [Fact]
    public void Off_by_default()
    {
        var book = new XlsxBuilder();
        book.SheetOfValues("S", ["Order Date"], [1]);
        using var reader = Open(book);
        Assert.Equal(["Order Date"], Names(reader));
    }

    [Fact]
    public void Xls_headers_are_normalised_too()
    {
        using var reader = ExcelTableReader.Open(Corpus.File("mtcars.xls"), new ExcelReadOptions { NormalizeHeaders = true, Range = "A1:B2" });
        Assert.Equal(["mpg", "cyl"], Names(reader));
    }
}
