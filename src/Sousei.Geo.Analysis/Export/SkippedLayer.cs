namespace Sousei.Geo.Analysis.Export;

/// <summary>A layer <c>export layers</c> left out, and why (the data lacks what it is made of).</summary>
public sealed record SkippedLayer(string Name, string Reason);
