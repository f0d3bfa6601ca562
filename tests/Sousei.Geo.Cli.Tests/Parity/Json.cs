using System.Text.Json.Nodes;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>Key-by-key comparison of two JSON answers, naming the first path that differs.</summary>
internal static class Json
{
    /// <summary>The same keys on both sides, at every level, and the same values (numbers to the last bit).</summary>
    public static void AssertSame(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject eo:
                var ao = Assert.IsType<JsonObject>(actual);
                var missing = eo.Select(p => p.Key).Except(ao.Select(p => p.Key)).ToList();
                var extra = ao.Select(p => p.Key).Except(eo.Select(p => p.Key)).ToList();
                Assert.True(missing.Count == 0 && extra.Count == 0, $"{path}: keys only on the CLI side: [{string.Join(", ", missing)}]; only on the API side: [{string.Join(", ", extra)}]");
                foreach (var (key, value) in eo)
                {
                    AssertSame(value, ao[key], $"{path}.{key}");
                }

                break;
            case JsonArray ea:
                var aa = Assert.IsType<JsonArray>(actual);
                Assert.True(ea.Count == aa.Count, $"{path}: {ea.Count} items from the CLI, {aa.Count} from the API");
                for (var i = 0; i < ea.Count; i++)
                {
                    AssertSame(ea[i], aa[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(expected?.ToJsonString() == actual?.ToJsonString(), $"{path}: CLI {expected?.ToJsonString()}, API {actual?.ToJsonString()}");
                break;
        }
    }
}
