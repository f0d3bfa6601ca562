using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Features;

/// <summary>The <c>vacant_houses</c> collection: public attributes, computed fields, and <c>filter</c> in the one filter language (as the export).</summary>
internal sealed class VacantHouseLayer(City data) : FeatureLayer
{
    public override string Id => "vacant_houses";

    public override string Title => "空き家 Vacant houses";

    public override string Description => "Surveyed vacant houses with public attributes and computed fields (inside_inducement_area, zone, nearest_hub, distances in EPSG plane metres). Owner fields are restricted.";

    public override int Count => data.VacantHouses.Count;

    public override IReadOnlyList<string> ExtraParameters => ["filter"];

    public override bool HasRestrictedFields => true;

    public override string FeatureId(int index) => data.VacantHouses[index].House.Id;

    public override Geometry Geometry(int index) => data.VacantHouses[index].House.Geometry;

    public override void WriteProperties(Utf8JsonWriter w, int index, bool staff) => VacantHouseJson.WriteProperties(w, data.VacantHouses[index], staff);

    public override Func<int, bool>? ParseFilter(QueryReader query)
    {
        if (query.String("filter") is not { } text)
        {
            return null;
        }

        var selected = VacantExportUseCase.Instance.Run(data, new VacantExportRequest { Filter = text }).Houses.Select(h => h.House.Id).ToHashSet(StringComparer.Ordinal);
        return i => selected.Contains(data.VacantHouses[i].House.Id);
    }
}
