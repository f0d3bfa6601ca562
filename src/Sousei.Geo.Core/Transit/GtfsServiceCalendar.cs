namespace Sousei.Geo.Core.Transit;

/// <summary>
/// A row of GTFS <c>calendar.txt</c>: the service runs on the weekdays in <see cref="DayMask"/>
/// (bit 0 Monday … bit 6 Sunday) from <see cref="StartDate"/> to <see cref="EndDate"/> inclusive.
/// </summary>
public sealed record GtfsServiceCalendar(string ServiceId, int DayMask, DateOnly StartDate, DateOnly EndDate)
{
    /// <summary>True when the weekly pattern covers <paramref name="date"/>, before calendar_dates exceptions.</summary>
    public bool Covers(DateOnly date)
    {
        if (date < StartDate || date > EndDate)
        {
            return false;
        }

        var bit = ((int)date.DayOfWeek + 6) % 7;
        return (DayMask & (1 << bit)) != 0;
    }
}
