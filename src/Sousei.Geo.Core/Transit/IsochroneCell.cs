namespace Sousei.Geo.Core.Transit;

/// <summary>
/// One cell of an <see cref="IsochroneGrid"/>: column and row (the lower-left corner is
/// (Column × cell, Row × cell) in the plane CRS, metres) and the median travel minutes to its centre.
/// </summary>
public sealed record IsochroneCell(long Column, long Row, double MedianMinutes);
