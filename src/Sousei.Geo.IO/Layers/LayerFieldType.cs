namespace Sousei.Geo.IO.Layers;

/// <summary>The type of a <see cref="LayerField"/>: what its values are in .NET and how a writer declares it.</summary>
public enum LayerFieldType
{
    /// <summary>A <see cref="string"/> (UTF-8 in files).</summary>
    Text,

    /// <summary>A whole number: <see cref="int"/> or <see cref="long"/>.</summary>
    Integer,

    /// <summary>A finite <see cref="double"/>.</summary>
    Real,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean,
}
