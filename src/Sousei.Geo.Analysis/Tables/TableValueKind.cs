namespace Sousei.Geo.Analysis.Tables;

/// <summary>What a column holds: text (string cells), whole numbers (long cells) or numbers (double cells).</summary>
public enum TableValueKind
{
    Text,
    Integer,
    Number,
}
