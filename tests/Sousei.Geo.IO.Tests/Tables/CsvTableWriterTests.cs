using System.Text;
using Sousei.Geo.IO.Tables;

namespace Sousei.Geo.IO.Tests.Tables;

public sealed class CsvTableWriterTests
{
    private static byte[] Write(ISheet sheet, TableLanguage language = TableLanguage.Japanese)
    {
        using var stream = new MemoryStream();
        CsvTableWriter.Write(stream, sheet, language);
        return stream.ToArray();
    }

    [Fact]
    public void Names_with_a_comma_a_quote_and_a_line_break_are_quoted_and_the_quotes_doubled()
    {
        var bytes = Write(TestSheet.Zones(
            ["中央区, 南部", 1200L, 12.5],
            ["\"本山\"地区", 3L, 0.25],
            ["二行\n目", null, null],
            ["普通", 7L, 1.0]));
        // Written by hand from RFC 4180: BOM, header, then each record ending in CRLF; only the fields with , " or LF quoted.
        var expected = "\uFEFF名前,人口,面積（ha）\r\n"
            + "\"中央区, 南部\",1200,12.5\r\n"
            + "\"\"\"本山\"\"地区\",3,0.25\r\n"
            + "\"二行\n目\",,\r\n"
            + "普通,7,1\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe_and_numbers_are_not()
    {
        var bytes = Write(TestSheet.Zones(
            ["=HYPERLINK(\"http://x\")", -3L, -0.5],
            ["@SUM(A1)", 1L, 1.0],
            ["+81", 2L, 2.0],
            ["-区", 4L, 4.0]));
        var expected = "\uFEFF名前,人口,面積（ha）\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\")\",-3,-0.5\r\n"
            + "'@SUM(A1),1,1\r\n"
            + "'+81,2,2\r\n"
            + "'-区,4,4\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_reader_written_from_the_rfc_gets_the_fields_back()
    {
        var records = CsvReadBack.Parse(Write(TestSheet.Zones(["a,b", 1L, 2.0], ["x\"y\r\nz", -5L, 1e-7])));
        Assert.Equal(3, records.Count);
        Assert.Equal(["a,b", "1", "2"], records[1].Select(f => f.Text));
        Assert.Equal(["x\"y\r\nz", "-5", "1E-07"], records[2].Select(f => f.Text));
        Assert.True(records[2][0].Quoted);
        Assert.False(records[2][1].Quoted);
    }

    [Fact]
    public void Numbers_keep_full_precision_in_the_invariant_culture_and_empty_cells_stay_empty()
    {
        // 1/3 round-trips with 16–17 digits and a point, never a comma; NaN and infinity are no numbers: empty.
        var text = Encoding.UTF8.GetString(Write(TestSheet.Zones(["z", 123456789012L, 1.0 / 3], ["n", null, double.NaN], ["i", 1, double.PositiveInfinity])));
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("z,123456789012,0.3333333333333333", lines[1]);
        Assert.Equal("n,,", lines[2]);
        Assert.Equal("i,1,", lines[3]);
        Assert.Equal(1.0 / 3, double.Parse(lines[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void English_headers_are_written_when_asked()
    {
        var text = Encoding.UTF8.GetString(Write(TestSheet.Zones(), TableLanguage.English));
        Assert.Equal("\uFEFFName,Population,Area (ha)\r\n", text);
    }

    [Fact]
    public void A_cell_of_an_unsupported_type_is_a_bug_and_throws()
    {
        Assert.Throws<ArgumentException>(() => Write(TestSheet.Zones(["z", DateTime.UnixEpoch, 1.0])));
    }
}
