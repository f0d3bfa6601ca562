using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sousei.Geo.IO.Tables;

/// <summary>
/// Writes tables as an Excel workbook (Office Open XML, ECMA-376, through DocumentFormat.OpenXml), one sheet per
/// table: the title in row 1, the bold header in row 2 (wrapped, frozen, with a filter, repeated on every printed page), the
/// rows from row 3. Numbers are numeric cells at full precision shown with the column's decimals; text is inline
/// strings (never formulas). Column widths follow the widest shown value (East Asian characters count two). Sheet names
/// are made valid and unique (<see cref="SheetNames"/>); characters XML cannot hold become U+FFFD. Thread-safe (stateless).
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>Longest text of one cell (Excel's limit); longer text is cut.</summary>
    public const int MaxCellText = 32_767;

    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint FirstNumberStyle = 3;
    private const int MaxDecimals = 15;
    private const int MinWidth = 6;
    private const int MaxWidth = 60;
    private const int MaxHeaderWidth = 16;

    /// <summary>Writes <paramref name="sheets"/> as one workbook to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IReadOnlyList<ISheet> sheets, TableLanguage language)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        }

        // The package is built in memory: System.IO.Packaging needs a seekable stream, and an HTTP body is not one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var names = SheetNames.Sanitise(sheets.Select(s => s.SheetName));
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheets[i], language, selected: i == 0);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = names[i] });
                definedNames.Append(new DefinedName($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!$1:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }

            workbookPart.Workbook = new Workbook(sheetList, definedNames);
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static Worksheet Worksheet(ISheet sheet, TableLanguage language, bool selected)
    {
        var columns = sheet.ColumnCount;
        var formats = Enumerable.Range(0, columns).Select(sheet.ColumnFormat).ToArray();
        var widths = new int[columns];
        var data = new SheetData();
        var title = new Row { RowIndex = 1 };
        title.Append(TextCell("A1", sheet.SheetTitle(language), TitleStyle));
        data.Append(title);
        var header = new Row { RowIndex = 2 };
        for (var c = 0; c < columns; c++)
        {
            var text = sheet.ColumnHeader(c, language);
            header.Append(TextCell(Reference(c, 2), text, HeaderStyle));
            // A long header wraps (its style does) rather than widening the column past its values; room for the filter's button.
            widths[c] = Math.Min(SheetCells.Width(text), MaxHeaderWidth) + 3;
        }

        data.Append(header);
        var rowIndex = 2u;
        foreach (var cells in sheet.SheetRows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < columns; c++)
            {
                var cell = c < cells.Count ? cells[c] : null;
                if (SheetCells.TryNumber(cell, out _))
                {
                    var style = formats[c].Numeric ? NumberStyle(formats[c].Decimals) : 0u;
                    row.Append(new Cell { CellReference = Reference(c, rowIndex), StyleIndex = style, CellValue = new CellValue(SheetCells.Text(cell)) });
                }
                else if (cell is string s)
                {
                    row.Append(TextCell(Reference(c, rowIndex), s, 0));
                }
                else
                {
                    continue;
                }

                widths[c] = Math.Max(widths[c], SheetCells.Width(SheetCells.Display(cell, formats[c])));
            }

            data.Append(row);
        }

        var cols = new Columns();
        for (var c = 0; c < columns; c++)
        {
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(widths[c] + 2, MinWidth, MaxWidth), CustomWidth = true });
        }

        var lastColumn = ColumnName(Math.Max(columns, 1) - 1);
        var view = new SheetView(
            new Pane { VerticalSplit = 2D, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
        { WorkbookViewId = 0, TabSelected = selected };
        var worksheet = new Worksheet(
            new SheetDimension { Reference = $"A1:{lastColumn}{Math.Max(rowIndex, 2)}" },
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 18D, CustomHeight = false },
            cols,
            data);
        if (columns > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A2:{lastColumn}{Math.Max(rowIndex, 2)}" });
        }

        return worksheet;
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>The style of numbers shown with <paramref name="decimals"/> decimals (0 to <see cref="MaxDecimals"/>).</summary>
    private static uint NumberStyle(int decimals) => FirstNumberStyle + (uint)Math.Clamp(decimals, 0, MaxDecimals);

    /// <summary>
    /// Fonts: regular, bold 14 pt (title), bold (header); fills: the two Excel requires and the header's;
    /// cell formats: default, title, header, then one per count of decimals ("0", "0.0", "0.00", …).
    /// </summary>
    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats();
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
            {
                NumberFormatId = 0,
                FontId = 2,
                FillId = 2,
                BorderId = 1,
                FormatId = 0,
                ApplyFont = true,
                ApplyFill = true,
                ApplyBorder = true,
                ApplyAlignment = true,
            });
        for (var d = 0; d <= MaxDecimals; d++)
        {
            // Built-in format 1 is "0"; the others are custom formats from id 164 on.
            var id = d == 0 ? 1u : 163u + (uint)d;
            if (d > 0)
            {
                numberFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = "0." + new string('0', d) });
            }

            cellFormats.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        }

        numberFormats.Count = (uint)numberFormats.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            numberFormats,
            new Fonts(Font(false, 11), Font(true, 14), Font(true, 11)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Yu Gothic" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 });
        return font;
    }

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A, B, …, Z, AA, … for the zero-based <paramref name="column"/>.</summary>
    internal static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>The text with characters that XML 1.0 cannot hold (controls, lone surrogates) as U+FFFD, cut to <see cref="MaxCellText"/>.</summary>
    internal static string XmlSafe(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxCellText));
        for (var i = 0; i < text.Length && sb.Length < MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (sb.Length + 2 > MaxCellText)
                {
                    break;
                }

                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return sb.ToString();
    }
}
