using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Features;

/// <summary>A <see cref="FeatureLayer"/> over a list with selector functions.</summary>
internal sealed class ListLayer<T>(
    string id,
    string title,
    string description,
    IReadOnlyList<T> items,
    Func<T, int, string> featureId,
    Func<T, Geometry> geometry,
    Action<Utf8JsonWriter, T> properties,
    IReadOnlyList<string>? extraParameters = null,
    Func<QueryReader, Func<T, bool>?>? filter = null) : FeatureLayer
{
    public override IReadOnlyList<string> ExtraParameters => extraParameters ?? [];

    public override Func<int, bool>? ParseFilter(QueryReader query) =>
        filter?.Invoke(query) is { } predicate ? i => predicate(items[i]) : null;

    public override string Id => id;

    public override string Title => title;

    public override string Description => description;

    public override int Count => items.Count;

    public IReadOnlyList<T> Items => items;

    public override string FeatureId(int index) => featureId(items[index], index);

    public override Geometry Geometry(int index) => geometry(items[index]);

    public override void WriteProperties(Utf8JsonWriter w, int index, bool staff) => properties(w, items[index]);
}
