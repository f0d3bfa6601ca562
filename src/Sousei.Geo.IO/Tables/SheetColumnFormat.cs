namespace Sousei.Geo.IO.Tables;

/// <summary>How the cells of a column are written: text, or numbers shown with <paramref name="Decimals"/> decimals.</summary>
public readonly record struct SheetColumnFormat(bool Numeric, int Decimals);
