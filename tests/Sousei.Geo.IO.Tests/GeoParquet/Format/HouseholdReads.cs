using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>One households reader run on a file with fresh checks (EPSG:6670) and a large problem cap: what it read and said.</summary>
internal static class HouseholdReads
{
    public static (List<Household>? Households, List<DataProblem> Problems) Read(string path, Func<string, ProblemCollector, GeometryChecks, List<Household>?> read)
    {
        var problems = new ProblemCollector(10_000);
        var households = read(path, problems, new GeometryChecks(PlaneProjection.Kumamoto, false));
        return (households, problems.Problems.ToList());
    }
}
