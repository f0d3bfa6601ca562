namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// For one area (the whole inducement area or a zone ∩ it): the gap before, the vacant houses inside it and the
/// persons they could hold, and how many of the top-ranked of them must be lived in again to reach the target.
/// <see cref="HousesNeeded"/> is 0 when the area already meets the target and null when the whole stock is not
/// enough (<see cref="StockEnough"/> false); <see cref="GapPersonsIfAllOccupied"/> then tells what is still missing.
/// </summary>
public sealed record TargetReachRow(
    string Id,
    string Name,
    long GapPersonsBefore,
    int HousesAvailable,
    double PersonsAvailable,
    int? HousesNeeded,
    long GapPersonsIfAllOccupied)
{
    public bool StockEnough => HousesNeeded is not null;

    public bool AlreadyMeets => HousesNeeded == 0;
}
