using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.Demo;

/// <summary>
/// Writes each layer of the demo store with the project's GeoJSON writer (<see cref="GeoJsonFeatureCollectionWriter"/>,
/// one feature per line). Its 7 decimals keep every ordinate exactly: the generator's coordinates already lie on the
/// 10⁻⁶ degree grid of <see cref="DemoGeometry"/>.
/// </summary>
internal static class DemoLayerWriter
{
    public static void WriteHubs(string path)
    {
        using var writer = Open(path);
        foreach (Hub hub in DemoDataGenerator.Hubs())
        {
            writer.Write(hub.Location, w =>
            {
                w.WriteString("id", hub.Id);
                w.WriteString("name", hub.Name);
                w.WriteString("kind", Kinds.Name(hub.Kind));
            });
        }

        writer.Complete();
    }

    public static void WriteZones(string path, DemoCityLayout layout)
    {
        using var writer = Open(path);
        foreach (var zone in layout.Wards.Concat(layout.HubAreas))
        {
            writer.Write(zone.Geometry, w =>
            {
                w.WriteString("id", zone.Id);
                w.WriteString("name", zone.Name);
                w.WriteString("kind", zone.Kind);
            });
        }

        writer.Complete();
    }

    public static void WriteInducementArea(string path, DemoCityLayout layout)
    {
        using var writer = Open(path);
        writer.Write(layout.InducementAreaLonLat, w => w.WriteString("name", "居住誘導区域"));
        writer.Complete();
    }

    /// <summary>One feature per block per year; persons are the sums of the households geocoded inside the block.</summary>
    public static void WriteTownBlocks(string path, DemoCityLayout layout, IReadOnlyList<DemoBuilding> buildings)
    {
        var baseYear = new long[layout.Blocks.Count];
        var latestYear = new long[layout.Blocks.Count];
        foreach (var b in buildings)
        {
            baseYear[b.Block] += b.BaseYearHouseholds.Sum();
            latestYear[b.Block] += b.LatestYearHouseholds.Sum();
        }

        using var writer = Open(path);
        foreach (var (year, persons) in new[] { (KumamotoDemoFacts.BaseYear, baseYear), (KumamotoDemoFacts.LatestYear, latestYear) })
        {
            for (var i = 0; i < layout.Blocks.Count; i++)
            {
                var block = layout.Blocks[i];
                var blockPersons = persons[i];
                writer.Write(block.Geometry, w =>
                {
                    w.WriteString("code", block.Code);
                    w.WriteString("name", block.Name);
                    w.WriteNumber("persons", blockPersons);
                    w.WriteNumber("year", year);
                });
            }
        }

        writer.Complete();
    }

    /// <summary>Households at their building's address point, buildings in Hilbert order, both years side by side (compresses well).</summary>
    public static void WriteHouseholds(string path, IReadOnlyList<DemoBuilding> buildings)
    {
        var properties = new Action<Utf8JsonWriter>[2, 7];
        for (var p = 0; p <= 6; p++)
        {
            var persons = p;
            properties[0, p] = w => Household(w, persons, KumamotoDemoFacts.BaseYear);
            properties[1, p] = w => Household(w, persons, KumamotoDemoFacts.LatestYear);
        }

        using var writer = Open(path);
        foreach (var b in buildings)
        {
            var address = Address(b);
            for (var y = 0; y < 2; y++)
            {
                var households = (y == 0 ? b.BaseYearHouseholds : b.LatestYearHouseholds).Order().ToList();
                foreach (var persons in households)
                {
                    writer.Write(address, properties[y, persons]);
                }
            }
        }

        writer.Complete();
    }

    public static void WriteBuildings(string path, IReadOnlyList<DemoBuilding> buildings)
    {
        using var writer = Open(path);
        foreach (var b in buildings)
        {
            writer.Write(b.Footprint(), w =>
            {
                w.WriteNumber("floors", b.Floors);
                w.WriteString("use", b.Use);
            });
        }

        writer.Complete();
    }

    public static void WriteVacantHouses(string path, IReadOnlyList<DemoVacantHouse> houses)
    {
        using var writer = Open(path);
        foreach (var v in houses)
        {
            writer.Write(Address(v.Building), w =>
            {
                w.WriteString("id", v.Id);
                w.WriteString("vacancy_likelihood", v.VacancyLikelihood);
                w.WriteString("decay_rank", v.DecayRank);
                w.WriteNumber("built_year", v.BuiltYear);
                w.WriteString("structure", v.Structure);
                w.WriteNumber("floor_area_m2", v.FloorAreaSquareMeters);
                w.WriteNumber("land_area_m2", v.LandAreaSquareMeters);
                w.WriteNumber("frontage_road_width_m", v.FrontageRoadWidthMeters);
                w.WriteString("survey_date", v.SurveyDate);
                w.WriteString("status", v.Status);
                w.WriteString("owner_name", v.OwnerName);
                w.WriteString("owner_contact", v.OwnerContact);
            });
        }

        writer.Complete();
    }

    private static GeoJsonFeatureCollectionWriter Open(string path) => new(DemoDataGenerator.Create(path));

    /// <summary>The building's address point (its centre, already on the output grid).</summary>
    private static Point Address(DemoBuilding b) => DemoGeometry.LonLat.CreatePoint(new Coordinate(b.Longitude, b.Latitude));

    private static void Household(Utf8JsonWriter w, int persons, int year)
    {
        w.WriteNumber("persons", persons);
        w.WriteNumber("year", year);
    }

    /// <summary>
    /// A what-if for the demo network (docs/scenarios.md): an express bus 城南 → 刈草 → 中心市街地 calling only at those
    /// three existing stops, 12 and 14 minutes apart, every 10 minutes 06:30–09:30 and every 20 minutes 09:30–20:00 on
    /// weekdays, both ways. 城南 is the slowest hub of the demo network to reach (a long all-stops route).
    /// </summary>
    /// <summary>
    /// The store's <c>store.json</c>: synthetic, resident-registry-like households, and per layer what it was made from
    /// (the generator and its seed; the public facts behind the hub positions).
    /// </summary>
    public static void WriteStoreMetadata(string path, int seed)
    {
        var generated = $"Sousei.Geo デモデータ生成器（合成データ, seed {seed}）";
        var metadata = new Core.Model.StoreMetadata
        {
            Title = "熊本市 デモデータ（合成）",
            CityCode = KumamotoDemoFacts.CityCode,
            Synthetic = true,
            PopulationBasis = Core.Model.PopulationBasis.ResidentRegistry,
            Sources =
            [
                new("hubs", "拠点の位置: 熊本市の総合戦略（多核連携都市）と「国土数値情報（鉄道データ）」（国土交通省）の駅の座標（公開の事実）", Year: KumamotoDemoFacts.LatestYear),
                new("households", generated + "。住民基本台帳の世帯を模したもの（実在しない）", Year: KumamotoDemoFacts.LatestYear),
                new("town_blocks", generated + "。町丁目の人口を模したもの", Year: KumamotoDemoFacts.LatestYear),
                new("buildings", generated, Year: KumamotoDemoFacts.LatestYear),
                new("zones", generated + "。区と拠点区域の形は模式的", Year: KumamotoDemoFacts.LatestYear),
                new("inducement_area", generated + "。居住誘導区域の形は模式的", Year: KumamotoDemoFacts.LatestYear),
                new("vacant_houses", generated + "。所有者を含めすべて架空", Year: KumamotoDemoFacts.LatestYear),
                new("gtfs", generated + "。基幹公共交通軸を模した時刻表"),
            ],
        };
        File.WriteAllBytes(path, IO.FileStore.StoreMetadataFile.ToBytes(metadata));
    }

    public static void WriteExpressScenario(string path, DemoTransitNetwork network)
    {
        string Stop(string name) => "demo-trunk:" + network.Stops.First(s => s.Name == name).Id;
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("name", "城南急行バス（デモ）");
        w.WriteString("description", "Synthetic what-if on the demo network: an express bus 城南 – 刈草 – 中心市街地, every 10 min at the morning peak, 20 min by day, weekdays.");
        w.WriteStartArray("modifications");
        w.WriteStartObject();
        w.WriteString("type", "add_line");
        w.WriteString("id", "jonan-express");
        w.WriteString("name", "城南急行");
        w.WriteString("mode", "bus");
        w.WriteStartArray("stops");
        foreach (var name in new[] { "城南", "刈草", "中心市街地" })
        {
            w.WriteStartObject();
            w.WriteString("stop_id", Stop(name));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("minutes_between_stops");
        w.WriteNumberValue(12);
        w.WriteNumberValue(14);
        w.WriteEndArray();
        w.WriteNumber("dwell_minutes", 0);
        w.WriteBoolean("bidirectional", true);
        w.WriteString("days", "weekdays");
        w.WriteStartArray("service");
        foreach (var (from, to, headway) in new[] { ("06:30", "09:30", 10), ("09:30", "20:00", 20) })
        {
            w.WriteStartObject();
            w.WriteString("from", from);
            w.WriteString("to", to);
            w.WriteNumber("headway_minutes", headway);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
