using Sousei.Geo.Core.Crs;
using Sousei.Geo.IO.Layers;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Import;

/// <summary>
/// A store whose layers are GeoParquet imports into PostGIS exactly as its GeoJSON twin (issue 12): PostGIS itself counts
/// the rows, sums the persons and measures the areas of both cities.
/// </summary>
public sealed class GeoParquetImportTests
{
    [PostGisFact]
    public void A_geoparquet_store_imports_the_same_rows_persons_and_areas_as_its_geojson_twin()
    {
        using var t = TestDatabase.Create();
        var json = RandomCity.Write(seed: 7, households: 2500, buildings: 400);
        var parquet = Path.Combine(Path.GetTempPath(), "sousei-pq-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(parquet);
        try
        {
            foreach (var file in Directory.GetFiles(json))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".geojson", StringComparison.Ordinal))
                {
                    LayerConverter.Convert(file, Path.Combine(parquet, Path.ChangeExtension(name, ".parquet")), LayerConverter.Format.GeoParquet);
                }
                else
                {
                    File.Copy(file, Path.Combine(parquet, name));
                }
            }

            PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(json, PlaneProjection.Kumamoto));
            PostGisImporter.Import(t.Db, "43201", FileStoreBatch.Read(parquet, PlaneProjection.Kumamoto));
            foreach (var (table, measure) in new[]
            {
                ("households", "sum(persons)"), ("town_blocks", "sum(persons)"), ("buildings", "sum(floors)"),
                ("inducement_area", "round(sum(ST_Area(geom::geography)))"), ("town_blocks", "round(sum(ST_Area(geom::geography)))"),
                ("vacant_houses", "count(DISTINCT id)"),
            })
            {
                var fromJson = t.Scalar($"SELECT count(*) || ' / ' || {measure} FROM {table} WHERE city_code = '43100'");
                var fromParquet = t.Scalar($"SELECT count(*) || ' / ' || {measure} FROM {table} WHERE city_code = '43201'");
                Assert.True(Equals(fromJson, fromParquet), $"{table} {measure}: GeoJSON {fromJson}, GeoParquet {fromParquet}");
            }

            Assert.Equal(2500, t.Count("households", "43201"));
        }
        finally
        {
            Directory.Delete(parquet, true);
            Directory.Delete(json, true);
        }
    }
}
