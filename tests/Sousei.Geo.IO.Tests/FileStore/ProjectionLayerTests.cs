using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.IO.Tests.FileStore;

public class ProjectionLayerTests
{
    private static FileStoreReader.Result Load(TempStore store) => FileStoreReader.Load(store.Path, PlaneProjection.Kumamoto);

    [Fact]
    public void Cells_are_read_with_every_ptn_year_and_a_null_year_left_out()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("population_projection.geojson", TempStore.Collection(
            TempStore.Feature(TempStore.SquareGeometry(-27_000, -21_800, 500), """{"mesh_id": 493005872, "ptn_2015": 111.4, "ptn_2020": 103.42, "ptn_2025": null, "pt0_2020": 5, "shicode": 43104}"""),
            TempStore.Feature(TempStore.SquareGeometry(-26_500, -21_800, 500), """{"mesh_id": "493005873", "ptn_2020": 0}""")));

        var cells = Load(store).Dataset.PopulationProjection;

        Assert.Equal(2, cells.Count);
        Assert.Equal("493005872", cells[0].Code);
        Assert.Equal(new Dictionary<int, double> { [2015] = 111.4, [2020] = 103.42 }, cells[0].PersonsByYear);
        Assert.Equal(0, cells[1].PersonsByYear[2020]);
        Assert.True((FileStoreReader.Inventory(store.Path) & CityLayers.PopulationProjection) != 0);
    }

    [Theory]
    [InlineData("""{"mesh_id": "1", "ptn_2020": -3}""", "projected persons of one cell must be from 0")]
    [InlineData("""{"mesh_id": "1", "ptn_2020": "many"}""", "ptn_2020")]
    [InlineData("""{"mesh_id": "1", "pt0_2020": 4}""", "needs at least one property ptn_YYYY")]
    [InlineData("""{"ptn_2020": 4}""", "property 'mesh_id' (or 'code') is missing")]
    public void A_bad_cell_is_named_with_the_file_and_feature(string properties, string expected)
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("population_projection.geojson", TempStore.Collection(TempStore.Feature(TempStore.SquareGeometry(-27_000, -21_800, 500), properties)));

        var e = Assert.Throws<DataException>(() => Load(store));

        Assert.Contains(e.Problems, p => p.File == "population_projection.geojson" && p.FeatureIndex == 0 && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_cells_with_one_code_are_refused()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var cell = TempStore.Feature(TempStore.SquareGeometry(-27_000, -21_800, 500), """{"mesh_id": "7", "ptn_2020": 1}""");
        store.Write("population_projection.geojson", TempStore.Collection(cell, cell));

        var e = Assert.Throws<DataException>(() => Load(store));

        Assert.Contains(e.Problems, p => p.Code == "feature.duplicate_id" && p.Message.Contains("'7'", StringComparison.Ordinal));
    }
}
