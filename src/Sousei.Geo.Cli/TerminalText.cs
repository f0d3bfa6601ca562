namespace Sousei.Geo.Cli;

/// <summary>Column alignment for terminals, where East-Asian wide characters take two columns.</summary>
internal static class TerminalText
{
    public static int Width(string s) => s.Sum(c => c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60)) ? 2 : 1);

    /// <summary>Pads on the right to <paramref name="width"/> columns (at least one space).</summary>
    public static string PadRight(string s, int width) => s + new string(' ', Math.Max(1, width - Width(s)));

    /// <summary>Pads on the left to <paramref name="width"/> columns.</summary>
    public static string PadLeft(string s, int width) => new string(' ', Math.Max(0, width - Width(s))) + s;
}
