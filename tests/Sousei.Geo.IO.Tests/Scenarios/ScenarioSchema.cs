using Json.Schema;
using Sousei.Geo.IO.Tests.Gtfs;

namespace Sousei.Geo.IO.Tests.Scenarios;

/// <summary>
/// docs/schema/scenario.schema.json, built once: JsonSchema.Net registers a schema by its <c>$id</c> in a global
/// registry and refuses a second build, so every test that validates against it shares this one.
/// </summary>
internal static class ScenarioSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RealData.Repository, "docs", "schema", "scenario.schema.json"))));

    public static JsonSchema Published => Schema.Value;
}
