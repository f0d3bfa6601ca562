namespace Sousei.Geo.IO.Layers;

/// <summary>An attribute column of a <see cref="VectorLayer"/>: a snake_case ASCII name (units in the name) and its type.</summary>
public sealed record LayerField(string Name, LayerFieldType Type);
