using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Sousei.Geo.IO.Tables;

namespace Sousei.Geo.IO.Tests.Tables;

public sealed class XlsxTableWriterTests
{
    private static byte[] Write(IReadOnlyList<ISheet> sheets, TableLanguage language = TableLanguage.Japanese)
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(stream, sheets, language);
        return stream.ToArray();
    }

    private static readonly TestSheet Zones = TestSheet.Zones(["中央区", 137354L, 1797.148906005271], ["東区", 38865L, 802.5], ["空", null, null]);

    [Fact]
    public void Numbers_are_numeric_cells_with_the_columns_decimals_and_text_is_inline_strings()
    {
        var book = XlsxReadBack.Open(Write([Zones]));
        var sheet = book["zones"];
        Assert.Equal("zonesの表", sheet.At(1, 1)!.Text);
        Assert.Equal(["名前", "人口", "面積（ha）"], Enumerable.Range(1, 3).Select(c => sheet.At(2, c)!.Text));
        var population = sheet.At(3, 2)!;
        Assert.Null(population.Type);
        Assert.Equal("137354", population.Value);
        Assert.Equal("0", book.NumberFormat(population));
        var area = sheet.At(3, 3)!;
        Assert.Null(area.Type);
        Assert.Equal(1797.148906005271, double.Parse(area.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.00", book.NumberFormat(area));
        Assert.Equal("inlineStr", sheet.At(3, 1)!.Type);
        Assert.Equal("中央区", sheet.At(3, 1)!.Text);
        // An empty cell is no cell at all.
        Assert.Null(sheet.At(5, 2));
        Assert.Equal("空", sheet.At(5, 1)!.Text);
    }

    [Fact]
    public void The_header_row_is_bold_and_frozen_and_every_column_has_a_width_from_its_content()
    {
        var book = XlsxReadBack.Open(Write([Zones]));
        var sheet = book["zones"];
        Assert.True(book.IsBold(sheet.At(2, 1)!));
        Assert.False(book.IsBold(sheet.At(3, 1)!));
        Assert.Equal(2, sheet.FrozenRows);
        Assert.Equal([1, 2, 3], sheet.Widths.Keys.Order());
        // 面積（ha） is 4 wide characters and 2 narrow = 10 columns, the widest of its column: 10 + 3 (filter button) + 2.
        Assert.Equal(15, sheet.Widths[3]);
        // 1797.15 shown with 2 decimals is 7 wide, narrower than the header; the name column: 名前 = 4 + 3 + 2 → 9.
        Assert.Equal(9, sheet.Widths[1]);
    }

    [Fact]
    public void A_long_header_wraps_instead_of_widening_its_column_past_the_values()
    {
        var sheet = XlsxReadBack.Open(Write([new TestSheet("long", [("運行頻度の高い停留所までの距離（m）", "Distance (m)", 1)], [[12.5]])]))["long"];
        // The header counts at most 16 columns: 16 + 3 + 2.
        Assert.Equal(21, sheet.Widths[1]);
    }

    [Fact]
    public void English_titles_and_headers_are_written_when_asked()
    {
        var sheet = XlsxReadBack.Open(Write([Zones], TableLanguage.English))["zones"];
        Assert.Equal("Title of zones", sheet.At(1, 1)!.Text);
        Assert.Equal(["Name", "Population", "Area (ha)"], Enumerable.Range(1, 3).Select(c => sheet.At(2, c)!.Text));
    }

    [Fact]
    public void Sheet_names_are_made_valid_and_unique()
    {
        var names = XlsxReadBack.Open(Write([
            Zones with { Name = "a/b:c" },
            Zones with { Name = "A_B_C" },
            Zones with { Name = new string('x', 40) },
            Zones with { Name = "" },
            Zones with { Name = "history" }])).Sheets.Select(s => s.Name).ToList();
        Assert.Equal(["a_b_c", "A_B_C_2", new string('x', 31), "Sheet4", "History_"], names);
    }

    [Fact]
    public void Characters_xml_cannot_hold_become_replacement_characters_instead_of_a_broken_file()
    {
        var sheet = XlsxReadBack.Open(Write([TestSheet.Zones(["bell\u0007 and \uD800 lone", 1L, 1.0])]))["zones"];
        Assert.Equal("bell\uFFFD and \uFFFD lone", sheet.At(3, 1)!.Text);
    }

    [Fact]
    public void The_workbook_is_valid_office_open_xml_and_has_one_sheet_per_table()
    {
        var bytes = Write([Zones, Zones with { Name = "second", Rows = [] }]);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet2.xml");
        Assert.Equal(["zones", "second"], XlsxReadBack.Open(bytes).Sheets.Select(s => s.Name));
    }

    [Fact]
    public void The_stream_may_be_one_that_cannot_seek()
    {
        using var target = new NonSeekable();
        XlsxTableWriter.Write(target, [Zones], TableLanguage.Japanese);
        Assert.Equal("zones", XlsxReadBack.Open(target.ToArray()).Sheets.Single().Name);
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
