using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Sousei.Geo.Tests;

/// <summary>
/// (Shared by the test projects that check table files.) A reader of XLSX workbooks written for the tests and
/// independent of the writer's library: the zip through System.IO.Compression, the parts through XDocument, sheets
/// found through workbook.xml and its relationships, shared strings and inline strings both understood.
/// </summary>
internal sealed class XlsxReadBack
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>One cell as stored: its type attribute (null = number), style index, raw value and text.</summary>
    public sealed record Cell(string Reference, string? Type, int Style, string? Value, string? Text);

    /// <summary>One sheet: its XML and its cells by (row, column), one-based.</summary>
    public sealed record Sheet(string Name, XDocument Xml, IReadOnlyDictionary<(int Row, int Column), Cell> Cells)
    {
        public int RowCount => Cells.Count == 0 ? 0 : Cells.Keys.Max(k => k.Row);

        public Cell? At(int row, int column) => Cells.TryGetValue((row, column), out var c) ? c : null;

        /// <summary>The frozen pane's row split, or null without a frozen pane.</summary>
        public double? FrozenRows => Xml.Descendants(Main + "pane").Where(p => (string?)p.Attribute("state") == "frozen")
            .Select(p => (double?)double.Parse((string?)p.Attribute("ySplit") ?? "0", CultureInfo.InvariantCulture)).FirstOrDefault();

        /// <summary>The width of every column that has one, by one-based column.</summary>
        public IReadOnlyDictionary<int, double> Widths => Xml.Descendants(Main + "col")
            .SelectMany(c => Enumerable.Range(int.Parse((string)c.Attribute("min")!, CultureInfo.InvariantCulture), int.Parse((string)c.Attribute("max")!, CultureInfo.InvariantCulture) - int.Parse((string)c.Attribute("min")!, CultureInfo.InvariantCulture) + 1)
                .Select(i => (i, double.Parse((string)c.Attribute("width")!, CultureInfo.InvariantCulture))))
            .ToDictionary(x => x.i, x => x.Item2);
    }

    private readonly XDocument _styles;

    private XlsxReadBack(IReadOnlyList<Sheet> sheets, XDocument styles)
    {
        Sheets = sheets;
        _styles = styles;
    }

    public IReadOnlyList<Sheet> Sheets { get; }

    public Sheet this[string name] => Sheets.Single(s => s.Name == name);

    public static XlsxReadBack Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Part(string path) => XDocument.Load(zip.GetEntry(path)?.Open() ?? throw new InvalidOperationException($"no part {path}"));
        var workbook = Part("xl/workbook.xml");
        var rels = Part("xl/_rels/workbook.xml.rels").Descendants(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Part("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();
        var sheets = new List<Sheet>();
        foreach (var s in workbook.Descendants(Main + "sheet"))
        {
            var target = rels[(string)s.Attribute(Rel + "id")!].TrimStart('/');
            var xml = Part(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            var cells = new Dictionary<(int, int), Cell>();
            foreach (var c in xml.Descendants(Main + "c"))
            {
                var reference = (string)c.Attribute("r")!;
                var type = (string?)c.Attribute("t");
                var value = (string?)c.Element(Main + "v");
                var text = type switch
                {
                    "s" => shared[int.Parse(value!, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Element(Main + "is")!.Descendants(Main + "t").Select(t => t.Value)),
                    _ => value,
                };
                cells[Position(reference)] = new Cell(reference, type, int.Parse((string?)c.Attribute("s") ?? "0", CultureInfo.InvariantCulture), value, text);
            }

            sheets.Add(new Sheet((string)s.Attribute("name")!, xml, cells));
        }

        return new XlsxReadBack(sheets, Part("xl/styles.xml"));
    }

    /// <summary>The number format code of a cell's style ("General" for none).</summary>
    public string NumberFormat(Cell cell)
    {
        var xf = _styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(cell.Style);
        var id = int.Parse((string?)xf.Attribute("numFmtId") ?? "0", CultureInfo.InvariantCulture);
        var custom = _styles.Root.Element(Main + "numFmts")?.Elements(Main + "numFmt").FirstOrDefault(n => (int)n.Attribute("numFmtId")! == id);
        return custom is not null ? (string)custom.Attribute("formatCode")! : id switch { 0 => "General", 1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", _ => $"builtin {id}" };
    }

    /// <summary>True when the cell's style uses a bold font.</summary>
    public bool IsBold(Cell cell)
    {
        var xf = _styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(cell.Style);
        var font = _styles.Root.Element(Main + "fonts")!.Elements(Main + "font").ElementAt(int.Parse((string?)xf.Attribute("fontId") ?? "0", CultureInfo.InvariantCulture));
        return font.Element(Main + "b") is { } b && (string?)b.Attribute("val") is null or "1" or "true";
    }

    /// <summary>(row, column), one-based, of a reference such as "AB12".</summary>
    public static (int Row, int Column) Position(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = column * 26 + (reference[i] - 'A' + 1);
        }

        return (int.Parse(reference[i..], CultureInfo.InvariantCulture), column);
    }
}
