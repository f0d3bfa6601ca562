using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Analysis.Tests.Fixtures;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Tests.Sources;

/// <summary>A file store builds the study area while its large layers are read: the same study as built afterwards.</summary>
public sealed class FileStoreSourceTests
{
    [Fact]
    public void The_study_area_prepared_while_loading_is_the_one_of_the_loaded_area_and_zones()
    {
        var source = new FileStoreSource(RepoPaths.Demo, PlaneProjection.Kumamoto);
        var (dataset, _) = source.Load(CityLayers.InducementArea | CityLayers.Zones | CityLayers.Households);
        var prepared = source.PreparedStudy(dataset);
        Assert.NotNull(prepared);
        Assert.Same(dataset.InducementArea, prepared.Area.LonLat);
        var after = new StudyArea(dataset.InducementArea, dataset.Zones, PlaneProjection.Kumamoto);
        Assert.Equal(after.Area.AreaSquareMeters, prepared.Area.AreaSquareMeters);
        Assert.Equal(after.Zones.Select(z => (z.Id, z.AreaSquareMeters)), prepared.Zones.Select(z => (z.Id, z.AreaSquareMeters)));
        Assert.NotEmpty(prepared.Zones);

        // Another dataset (a scenario's, say) has no prepared study: the city builds its own.
        Assert.Null(source.PreparedStudy(new CityDataset { InducementArea = dataset.InducementArea, Zones = dataset.Zones }));
    }

    [Fact]
    public void Without_an_inducement_area_nothing_is_prepared()
    {
        var source = new FileStoreSource(RepoPaths.Demo, PlaneProjection.Kumamoto);
        var (dataset, _) = source.Load(CityLayers.Hubs);
        Assert.Null(source.PreparedStudy(dataset));
    }
}
