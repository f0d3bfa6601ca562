using System.Text.Json;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The optional <c>store.json</c> at the root of a file store (docs/data-model.md, "Store metadata"): read strictly
/// (every problem named with the member, an unknown member refused) and written back by the import/export and the
/// demo generator. Stateless and thread-safe.
/// </summary>
public static class StoreMetadataFile
{
    /// <summary>The file's name at the root of a store.</summary>
    public const string FileName = "store.json";

    private static readonly string[] Members = ["$schema", "title", "city_code", "synthetic", "population_basis", "sources"];
    private static readonly string[] SourceMembers = ["layer", "credit", "licence", "license", "url", "year"];

    /// <summary>The names <c>population_basis</c> takes (Japanese or English), and what each means.</summary>
    public static IReadOnlyDictionary<string, PopulationBasis> BasisNames { get; } = new Dictionary<string, PopulationBasis>(StringComparer.Ordinal)
    {
        ["住民基本台帳"] = PopulationBasis.ResidentRegistry,
        ["resident_registry"] = PopulationBasis.ResidentRegistry,
        ["国勢調査"] = PopulationBasis.Census,
        ["census"] = PopulationBasis.Census,
    };

    /// <summary>The English name written for a basis (resident_registry, census), or null for unknown.</summary>
    public static string? BasisKey(PopulationBasis basis) => basis switch
    {
        PopulationBasis.ResidentRegistry => "resident_registry",
        PopulationBasis.Census => "census",
        _ => null,
    };

    /// <summary>Reads <c>store.json</c> of <paramref name="directory"/>; <see cref="StoreMetadata.None"/> when there is none.</summary>
    /// <exception cref="DataException">The file is unreadable or has problems.</exception>
    public static StoreMetadata Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return StoreMetadata.None;
        }

        byte[] bytes;
        try
        {
            bytes = InputFiles.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DataException(new DataProblem("store_metadata.unreadable", path, "cannot read the store metadata: " + e.Message));
        }

        var problems = new ProblemCollector();
        var metadata = Parse(bytes, path, problems);
        problems.ThrowIfAny();
        return metadata!;
    }

    /// <summary>Parses UTF-8 JSON; null when it has problems (all collected in <paramref name="problems"/>).</summary>
    public static StoreMetadata? Parse(ReadOnlySpan<byte> json, string file, ProblemCollector problems)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            problems.Add(new DataProblem("store_metadata.json", file, "not valid JSON: " + e.Message.Split('\n')[0], Line: e.LineNumber + 1));
            return null;
        }

        using (doc)
        {
            var before = problems.Problems.Count;
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new DataProblem("store_metadata.json", file, "the store metadata is a JSON object (title, city_code, synthetic, population_basis, sources)"));
                return null;
            }

            void Problem(string message) => problems.Add(new DataProblem("store_metadata.field", file, message));
            foreach (var p in root.EnumerateObject().Where(p => !Members.Contains(p.Name)))
            {
                Problem($"{p.Name}: unknown member (members: {string.Join(", ", Members.Skip(1))})");
            }

            var title = OptionalString(root, "title", 200, Problem);
            var code = OptionalString(root, "city_code", 40, Problem);
            if (code is not null && (code.Length != 5 || !code.All(char.IsAsciiDigit)))
            {
                Problem($"city_code: '{code}' is not a 5-digit JIS municipality code (such as 43100)");
            }

            bool? synthetic = null;
            if (root.TryGetProperty("synthetic", out var s))
            {
                if (s.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    synthetic = s.GetBoolean();
                }
                else if (s.ValueKind != JsonValueKind.Null)
                {
                    Problem("synthetic: must be true or false");
                }
            }

            var basis = PopulationBasis.Unknown;
            if (OptionalString(root, "population_basis", 40, Problem) is { } b)
            {
                if (!BasisNames.TryGetValue(b, out basis))
                {
                    Problem($"population_basis: '{b}' is none of {string.Join(", ", BasisNames.Keys)}");
                }
            }

            var sources = new List<DataCredit>();
            if (root.TryGetProperty("sources", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    Problem("sources: must be an array of {layer, credit, licence, url, year}");
                }
                else
                {
                    var index = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        var at = $"sources[{index++}]";
                        void ItemProblem(string message) => Problem($"{at}.{message}");
                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            Problem($"{at}: must be an object {{layer, credit, licence, url, year}}");
                            continue;
                        }

                        foreach (var p in item.EnumerateObject().Where(p => !SourceMembers.Contains(p.Name)))
                        {
                            ItemProblem($"{p.Name}: unknown member (members: layer, credit, licence, url, year)");
                        }

                        var layer = OptionalString(item, "layer", 64, ItemProblem);
                        var credit = OptionalString(item, "credit", 1000, ItemProblem);
                        if (layer is null)
                        {
                            ItemProblem("layer: required (the layer's name, such as households or gtfs)");
                        }

                        if (credit is null)
                        {
                            ItemProblem("credit: required (the credit line the data's licence asks for)");
                        }

                        var licence = OptionalString(item, "licence", 200, ItemProblem) ?? OptionalString(item, "license", 200, ItemProblem);
                        var url = OptionalString(item, "url", 2000, ItemProblem);
                        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                        {
                            ItemProblem($"url: '{url}' is not an http(s) address");
                        }

                        int? year = null;
                        if (item.TryGetProperty("year", out var y) && y.ValueKind != JsonValueKind.Null)
                        {
                            if (y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var v) && v is >= 1800 and <= 3000)
                            {
                                year = v;
                            }
                            else
                            {
                                ItemProblem("year: must be a whole year from 1800 to 3000");
                            }
                        }

                        if (layer is not null && credit is not null)
                        {
                            sources.Add(new DataCredit(layer, credit, licence, url, year));
                        }
                    }
                }
            }

            return problems.Problems.Count > before ? null : new StoreMetadata
            {
                Title = title,
                CityCode = code,
                Synthetic = synthetic,
                PopulationBasis = basis,
                Sources = sources,
            };
        }
    }

    private static string? OptionalString(JsonElement e, string name, int maxLength, Action<string> problem)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            problem($"{name}: must be a string");
            return null;
        }

        var text = v.GetString()!.Trim();
        if (text.Length == 0)
        {
            problem($"{name}: is empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            problem($"{name}: is {text.Length} characters long; at most {maxLength}");
            return null;
        }

        return text;
    }

    /// <summary>Writes <paramref name="metadata"/> as the JSON <see cref="Read"/> reads.</summary>
    public static void Write(Utf8JsonWriter w, StoreMetadata metadata)
    {
        w.WriteStartObject();
        if (metadata.Title is { } title)
        {
            w.WriteString("title", title);
        }

        if (metadata.CityCode is { } code)
        {
            w.WriteString("city_code", code);
        }

        if (metadata.Synthetic is { } synthetic)
        {
            w.WriteBoolean("synthetic", synthetic);
        }

        if (BasisKey(metadata.PopulationBasis) is { } basis)
        {
            w.WriteString("population_basis", basis);
        }

        w.WriteStartArray("sources");
        foreach (var s in metadata.Sources)
        {
            w.WriteStartObject();
            w.WriteString("layer", s.Layer);
            w.WriteString("credit", s.Credit);
            if (s.Licence is not null)
            {
                w.WriteString("licence", s.Licence);
            }

            if (s.Url is not null)
            {
                w.WriteString("url", s.Url);
            }

            if (s.Year is { } year)
            {
                w.WriteNumber("year", year);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The metadata as indented UTF-8 JSON (what <c>store.json</c> holds).</summary>
    public static byte[] ToBytes(StoreMetadata metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, metadata);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
