using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Tests.Fixtures;

namespace Sousei.Geo.Core.Tests.Density;

public class GridPointLocatorTests
{
    [Fact]
    public void Grid_answers_equal_the_exact_locator_on_random_and_boundary_points()
    {
        // A wobbly disc with a hole and a second part, in lon/lat.
        var random = new Random(7);
        var plane = PlaneFixture.Projection;
        Polygon Disc(double cx, double cy, double radius, int n)
        {
            var ring = new Coordinate[n + 1];
            for (var i = 0; i < n; i++)
            {
                var t = 2 * Math.PI * i / n;
                var r = radius * (1 + 0.2 * Math.Sin(9 * t));
                var (x, y) = plane.Unproject(PlaneFixture.X0 + cx + r * Math.Cos(t), PlaneFixture.Y0 + cy + r * Math.Sin(t));
                ring[i] = new Coordinate(x, y);
            }

            ring[n] = ring[0].Copy();
            return new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(ring);
        }

        var outer = Disc(0, 0, 1000, 700);
        var hole = Disc(100, 50, 300, 300);
        var f = outer.Factory;
        var area = f.CreateMultiPolygon([f.CreatePolygon(outer.Shell, [hole.Shell]), Disc(3000, 0, 400, 200)]);
        var grid = new GridPointLocator(area);
        var exact = new IndexedPointInAreaLocator(area);
        var env = area.EnvelopeInternal;

        var points = new List<Coordinate>();
        for (var i = 0; i < 100_000; i++)
        {
            points.Add(new Coordinate(env.MinX - 0.001 + random.NextDouble() * (env.Width + 0.002), env.MinY - 0.001 + random.NextDouble() * (env.Height + 0.002)));
        }

        points.AddRange(area.Coordinates); // vertices: exactly on the boundary
        var mismatches = points.Count(p => grid.Locate(p.X, p.Y) != exact.Locate(p));
        Assert.Equal(0, mismatches);
        Assert.All(area.Coordinates, c => Assert.Equal(Location.Boundary, grid.Locate(c.X, c.Y)));
    }
}
