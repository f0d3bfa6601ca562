namespace Sousei.Geo.Core.Transit;

/// <summary>A row of GTFS <c>calendar_dates.txt</c>: <see cref="ExceptionType"/> 1 adds service on <see cref="Date"/>, 2 removes it.</summary>
public sealed record GtfsServiceException(string ServiceId, DateOnly Date, int ExceptionType);
