namespace Sousei.Geo.IO.Tables;

/// <summary>The codes of <see cref="TableLanguage"/> as the CLI (<c>--lang</c>) and the service (<c>lang=</c>) accept them.</summary>
public static class TableLanguages
{
    /// <summary>ja (default) and en.</summary>
    public static IReadOnlyList<(string Code, TableLanguage Language)> Choices { get; } = [("ja", TableLanguage.Japanese), ("en", TableLanguage.English)];
}
