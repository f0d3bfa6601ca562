namespace Sousei.Geo.IO.Tables;

/// <summary>
/// Sheet names as Excel accepts them: at most 31 characters, none of <c>[ ] : * ? / \</c>, no apostrophe at either
/// end, not <c>History</c> (reserved), unique without regard to case; a name that breaks a rule is changed, not refused.
/// </summary>
internal static class SheetNames
{
    public const int MaxLength = 31;

    /// <summary>Unique, valid names for <paramref name="names"/>, in order.</summary>
    public static IReadOnlyList<string> Sanitise(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var clean = Clean(name, result.Count + 1);
            var candidate = clean;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                candidate = Cut(clean, MaxLength - suffix.Length) + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string Clean(string name, int position)
    {
        var chars = (name ?? "").Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray();
        var clean = Cut(new string(chars).Trim().Trim('\''), MaxLength).Trim('\'');
        if (clean.Length == 0)
        {
            return "Sheet" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Equals(clean, "History", StringComparison.OrdinalIgnoreCase) ? "History_" : clean;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];
}
