using Sousei.Geo.IO.Tables;

namespace Sousei.Geo.IO.Tests.Tables;

/// <summary>A sheet for the writer tests: columns as (Japanese header, English header, decimals or null for text).</summary>
internal sealed record TestSheet(string Name, IReadOnlyList<(string Ja, string En, int? Decimals)> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows) : ISheet
{
    public string SheetName => Name;

    public int ColumnCount => Columns.Count;

    public IReadOnlyList<IReadOnlyList<object?>> SheetRows => Rows;

    public string SheetTitle(TableLanguage language) => language == TableLanguage.English ? $"Title of {Name}" : $"{Name}の表";

    public string ColumnHeader(int column, TableLanguage language) => language == TableLanguage.English ? Columns[column].En : Columns[column].Ja;

    public SheetColumnFormat ColumnFormat(int column) => new(Columns[column].Decimals is not null, Columns[column].Decimals ?? 0);

    /// <summary>名前 (text), 人口 (0 decimals), 面積（ha） (2 decimals).</summary>
    public static TestSheet Zones(params IReadOnlyList<object?>[] rows) =>
        new("zones", [("名前", "Name", null), ("人口", "Population", 0), ("面積（ha）", "Area (ha)", 2)], rows);
}
