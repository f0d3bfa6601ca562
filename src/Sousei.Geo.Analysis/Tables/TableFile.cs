using Sousei.Geo.IO.Tables;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The table formats as both adapters offer them for an analysis with <see cref="ITableOutput{TResult}"/>: <c>csv</c>
/// (the main table, <see cref="CsvTableWriter"/>) and <c>xlsx</c> (every table, <see cref="XlsxTableWriter"/>), their
/// content types and file names. Thread-safe (stateless).
/// </summary>
public static class TableFile
{
    public const string Csv = "csv";

    public const string Xlsx = "xlsx";

    /// <summary>csv, xlsx.</summary>
    public static IReadOnlyList<string> Formats { get; } = [Csv, Xlsx];

    /// <summary>True for csv and xlsx.</summary>
    public static bool IsTable(string format) => format is Csv or Xlsx;

    /// <summary><c>text/csv; charset=utf-8</c> or the XLSX media type.</summary>
    public static string ContentType(string format) => format == Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The file name of an analysis's table file: <c>density.csv</c>, <c>vacant-rank.xlsx</c>.</summary>
    public static string FileName(string analysisName, string format) => analysisName.Replace(' ', '-') + "." + format;

    /// <summary>The file's bytes: the CSV of the first table, or the workbook of them all.</summary>
    public static byte[] Write(string format, IReadOnlyList<Table> tables, TableLanguage language)
    {
        if (tables.Count == 0)
        {
            throw new ArgumentException("an analysis gives at least one table", nameof(tables));
        }

        using var stream = new MemoryStream();
        switch (format)
        {
            case Csv:
                CsvTableWriter.Write(stream, tables[0], language);
                break;
            case Xlsx:
                XlsxTableWriter.Write(stream, tables, language);
                break;
            default:
                throw new ArgumentException($"'{format}' is not a table format", nameof(format));
        }

        return stream.ToArray();
    }
}
