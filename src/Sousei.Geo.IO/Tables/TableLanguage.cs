namespace Sousei.Geo.IO.Tables;

/// <summary>The language of a table's headers and titles (the cells are data and do not change).</summary>
public enum TableLanguage
{
    /// <summary>Japanese (<c>ja</c>), the default: the planners' language.</summary>
    Japanese,

    /// <summary>English (<c>en</c>).</summary>
    English,
}
