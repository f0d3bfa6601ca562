namespace Sousei.Geo.IO.Gtfs;

/// <summary>GTFS times "H:MM:SS" / "HH:MM:SS" as seconds after midnight of the service day; hours past 24 allowed.</summary>
internal static class GtfsTime
{
    public static bool TryParse(string text, out int seconds)
    {
        seconds = 0;
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0].Length is < 1 or > 3 || parts[1].Length != 2 || parts[2].Length != 2)
        {
            return false;
        }

        if (!Digits(parts[0], out var h) || !Digits(parts[1], out var m) || !Digits(parts[2], out var s) || m > 59 || s > 59)
        {
            return false;
        }

        seconds = h * 3600 + m * 60 + s;
        return true;
    }

    private static bool Digits(string s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }
}
