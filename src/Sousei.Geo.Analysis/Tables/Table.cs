using Sousei.Geo.IO.Tables;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// A table of a result, for spreadsheets (CSV, XLSX) and reports: its <paramref name="Name"/> (the sheet's name: ASCII,
/// at most 31 characters), its title in Japanese and English, its columns and its rows. A cell is a
/// <see cref="string"/> (a <see cref="TableValueKind.Text"/> column), a <see cref="long"/>
/// (<see cref="TableValueKind.Integer"/>), a <see cref="double"/> (<see cref="TableValueKind.Number"/>), or null when
/// the value is absent; each row has one cell per column. Numbers are those of the analysis's JSON (rounded as the JSON
/// rounds them), never text formatted for display. Booleans are the text <c>true</c> / <c>false</c>, as in the JSON.
/// Immutable; the writers read it through <see cref="ISheet"/>.
/// </summary>
public sealed record Table(string Name, string Title, string TitleEnglish, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows) : ISheet
{
    string ISheet.SheetName => Name;

    int ISheet.ColumnCount => Columns.Count;

    IReadOnlyList<IReadOnlyList<object?>> ISheet.SheetRows => Rows;

    string ISheet.SheetTitle(TableLanguage language) => language == TableLanguage.English ? TitleEnglish : Title;

    string ISheet.ColumnHeader(int column, TableLanguage language) => language == TableLanguage.English ? Columns[column].HeaderEnglish : Columns[column].Header;

    SheetColumnFormat ISheet.ColumnFormat(int column) => Columns[column].Kind switch
    {
        TableValueKind.Integer => new SheetColumnFormat(true, 0),
        TableValueKind.Number => new SheetColumnFormat(true, Columns[column].Decimals),
        _ => new SheetColumnFormat(false, 0),
    };

    /// <summary>The index of the column of <paramref name="key"/>, or −1.</summary>
    public int IndexOf(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
