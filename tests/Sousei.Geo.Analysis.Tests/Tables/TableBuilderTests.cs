using Sousei.Geo.Analysis.Tables;

namespace Sousei.Geo.Analysis.Tests.Tables;

public sealed class TableBuilderTests
{
    private static TableBuilder Zones() => new TableBuilder("zones", "区域", "Zones")
        .Text("name", "区・拠点", "Zone")
        .Integer("gap_persons", "目標との差（人）", "Gap to the target (persons)")
        .Number("area_ha", "面積（ha）", "Area (ha)", 2);

    [Fact]
    public void Cells_are_stored_as_string_long_double_or_null_whatever_the_builder_was_given()
    {
        var b = Zones();
        b.Row("中央区", 3, 2L);
        b.Row(true, null, double.NaN);
        var t = b.Build();
        Assert.Equal(["中央区", 3L, 2.0], t.Rows[0]);
        Assert.Equal(["true", null, null], t.Rows[1]);
        Assert.Equal(2, t.IndexOf("area_ha"));
        Assert.Equal(-1, t.IndexOf("owner_name"));
    }

    [Fact]
    public void A_cell_of_the_wrong_kind_or_a_row_of_the_wrong_length_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => Zones().Row("a", 1.5, 1.0));
        Assert.Throws<ArgumentException>(() => Zones().Row(1L, 1L, 1.0));
        Assert.Throws<ArgumentException>(() => Zones().Row("a", 1L));
    }

    [Fact]
    public void The_table_gives_the_writers_headers_and_titles_in_the_asked_language_and_the_decimals()
    {
        IO.Tables.ISheet sheet = Zones().Build();
        Assert.Equal("Zones", sheet.SheetTitle(IO.Tables.TableLanguage.English));
        Assert.Equal("面積（ha）", sheet.ColumnHeader(2, IO.Tables.TableLanguage.Japanese));
        Assert.Equal(new IO.Tables.SheetColumnFormat(true, 2), sheet.ColumnFormat(2));
        Assert.Equal(new IO.Tables.SheetColumnFormat(true, 0), sheet.ColumnFormat(1));
        Assert.Equal(new IO.Tables.SheetColumnFormat(false, 0), sheet.ColumnFormat(0));
    }
}
