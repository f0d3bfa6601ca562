namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// One column of a <see cref="Table"/>: its <paramref name="Key"/> (snake_case, the JSON key of the same value where the
/// JSON has one: <c>population</c>, <c>area_ha</c>; a nested JSON value joins its keys with <c>_</c>:
/// <c>travel_minutes_p50</c>), its header in Japanese and English (units in the header: 面積（ha）, Area (ha)), what it
/// holds, and for <see cref="TableValueKind.Number"/> the decimals to show (the cell keeps every digit).
/// </summary>
public sealed record TableColumn(string Key, string Header, string HeaderEnglish, TableValueKind Kind, int Decimals = 0);
