namespace Sousei.Geo.IO.Tables;

/// <summary>
/// What the table writers (<see cref="CsvTableWriter"/>, <see cref="XlsxTableWriter"/>) read: a sheet name, a title
/// and column headers in both languages, a format per column and the rows. The application layer's table model
/// (<c>Sousei.Geo.Analysis.Tables.Table</c>) implements it; IO cannot reference that layer, so it names only what it reads.
/// Cells are <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="double"/> or null (empty).
/// </summary>
public interface ISheet
{
    /// <summary>The sheet's name (sanitised and made unique by the XLSX writer).</summary>
    string SheetName { get; }

    int ColumnCount { get; }

    IReadOnlyList<IReadOnlyList<object?>> SheetRows { get; }

    string SheetTitle(TableLanguage language);

    string ColumnHeader(int column, TableLanguage language);

    SheetColumnFormat ColumnFormat(int column);
}
