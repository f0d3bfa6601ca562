using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Vacant;

namespace Sousei.Geo.Service.Features;

/// <summary>The <c>vacant_houses</c> collection: public attributes, computed fields, the filters of <see cref="VacantFilter"/>.</summary>
internal sealed class VacantHouseLayer(CityData data) : FeatureLayer
{
    public override string Id => "vacant_houses";

    public override string Title => "空き家 Vacant houses";

    public override string Description => "Surveyed vacant houses with public attributes and computed fields (inside_inducement_area, zone, nearest_hub, distances in EPSG plane metres). Owner fields are restricted.";

    public override int Count => data.VacantHouses.Count;

    public override IReadOnlyList<string> ExtraParameters => VacantFilter.ParameterNames;

    public override bool HasRestrictedFields => true;

    public override string FeatureId(int index) => data.VacantHouses[index].House.Id;

    public override Geometry Geometry(int index) => data.VacantHouses[index].House.Geometry;

    public override void WriteProperties(Utf8JsonWriter w, int index, bool staff) => VacantHouseJson.WriteProperties(w, data.VacantHouses[index], staff);

    public override Func<int, bool>? ParseFilter(QueryReader query)
    {
        var filter = VacantFilter.Parse(query.String, data);
        return filter.IsEmpty ? null : i => filter.Matches(data.VacantHouses[i]);
    }
}
