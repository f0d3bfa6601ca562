using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Builds one layer's rows from generic records (a Shapefile's .dbf, a CSV), with the checks of the
/// file-store reader: required properties present and typed, geometry type, coordinates and
/// validity; vacant houses and hubs through the very rules it uses (<see cref="VacantHouseAttributes"/>,
/// <see cref="HubAttributes"/>). Property names match case-insensitively, and a .dbf field cut to 10 characters matches
/// the longer name (<c>vacancy_li</c> → <c>vacancy_likelihood</c>). Not thread-safe.
/// </summary>
internal sealed class LayerRows
{
    private static readonly string[] Areal = ["Polygon", "MultiPolygon"];
    private static readonly string[] PointOnly = ["Point"];
    private static readonly string[] PointOrAreal = ["Point", "Polygon", "MultiPolygon"];

    private readonly string _layer;
    private readonly string _file;
    private readonly int? _year;
    private readonly IO.GeoJson.GeometryChecks _checks;
    private readonly ProblemCollector _problems;
    private readonly List<(string?, Geometry)> _area = [];
    private readonly List<Household> _households = [];
    private readonly List<TownBlock> _blocks = [];
    private readonly List<Building> _buildings = [];
    private readonly List<Zone> _zones = [];
    private readonly List<Hub> _hubs = [];
    private readonly List<VacantHouse> _vacant = [];

    public LayerRows(string layer, string file, int? year, IO.GeoJson.GeometryChecks checks, ProblemCollector problems)
    {
        _layer = Identifiers.Layer(layer);
        _file = file;
        _year = year;
        _checks = checks;
        _problems = problems;
        if (year is not null && !Identifiers.YearLayers.Contains(_layer))
        {
            throw new ArgumentException($"--year applies to {string.Join(" and ", Identifiers.YearLayers)} only, not to {layer}");
        }
    }

    /// <summary>Adds one record: <paramref name="get"/> returns a property by name (null when absent or empty).</summary>
    public void Add(int index, long line, Geometry? geometry, Func<string, object?> get)
    {
        var id = Text(get("id")) ?? Text(get("code"));
        void Problem(string code, string message) => _problems.Add(new DataProblem(code, _file, message, index, id, line));
        var allowed = _layer switch
        {
            "households" or "hubs" => PointOnly,
            "vacant_houses" => PointOrAreal,
            _ => Areal,
        };
        var g = _checks.Check(geometry, allowed, _file, index, id, line, _problems);
        if (g is null)
        {
            return;
        }

        g.SRID = 4326;
        int? Int(string name, long min, bool required)
        {
            var v = get(name);
            if (v is null || (v is string s0 && s0.Trim().Length == 0))
            {
                if (required)
                {
                    Problem("attribute." + name, $"property '{name}' is missing");
                }

                return null;
            }

            double d;
            switch (v)
            {
                case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d):
                    break;
                case IConvertible c when v is not string && v is not bool:
                    d = c.ToDouble(CultureInfo.InvariantCulture);
                    break;
                default:
                    Problem("attribute." + name, $"property '{name}' must be an integer, found '{v}'");
                    return null;
            }

            if (Math.Abs(d - Math.Round(d)) > 1e-9 || d < min || d > int.MaxValue)
            {
                Problem("attribute." + name, $"property '{name}' is {d.ToString(CultureInfo.InvariantCulture)}; it must be a whole number ≥ {min}");
                return null;
            }

            return (int)Math.Round(d);
        }

        int? Year()
        {
            var fromRow = Int("year", 1800, _year is null);
            if (fromRow is { } y && _year is { } given && y != given)
            {
                Problem("attribute.year", $"row year {y} differs from --year {given}");
                return null;
            }

            return fromRow ?? _year;
        }

        string? Required(string name)
        {
            var s = Text(get(name));
            if (string.IsNullOrWhiteSpace(s))
            {
                Problem("attribute." + name, $"property '{name}' is missing");
                return null;
            }

            return s;
        }

        switch (_layer)
        {
            case "inducement_area":
                _area.Add((Text(get("name")), g));
                break;
            case "households":
                {
                    var persons = Int("persons", 0, true);
                    var year = Year();
                    if (persons is { } p && year is { } y)
                    {
                        var point = (Point)g;
                        _households.Add(new Household(point.X, point.Y, p, y));
                    }

                    break;
                }

            case "town_blocks":
                {
                    var code = Required("code");
                    var persons = Int("persons", 0, true);
                    var year = Year();
                    if (code is not null && persons is { } p && year is { } y)
                    {
                        _blocks.Add(new TownBlock(code, Text(get("name")) ?? code, g, p, y));
                    }

                    break;
                }

            case "buildings":
                if (Int("floors", 1, true) is { } floors)
                {
                    _buildings.Add(new Building(id ?? index.ToString(CultureInfo.InvariantCulture), g, floors, Text(get("use")) ?? ""));
                }

                break;
            case "zones":
                if (Required("id") is { } zoneId)
                {
                    _zones.Add(new Zone(zoneId, Text(get("name")) ?? zoneId, Text(get("kind")) ?? "zone", g));
                }

                break;
            case "hubs":
                if (HubAttributes.Read((Point)g, Cleaned(get), Problem) is { } hub)
                {
                    _hubs.Add(hub);
                }

                break;
            case "vacant_houses":
                if (VacantHouseAttributes.Read(g, Cleaned(get), Problem) is { } house)
                {
                    _vacant.Add(house);
                }

                break;
        }
    }

    /// <summary>The batch that replaces this layer (for households and town blocks: the years present, or --year).</summary>
    public ImportBatch ToBatch(string source)
    {
        foreach (var dup in IdsOf().GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Take(5))
        {
            _problems.Add(new DataProblem("feature.duplicate_id", _file, $"id '{dup.Key}' is used by {dup.Count()} features"));
        }

        if (_layer == "hubs" && HubAttributes.CentralProblem(_hubs, _file) is { } central)
        {
            _problems.Add(central);
        }

        _problems.ThrowIfAny();
        int[]? years = _year is { } y ? [y] : null;
        var files = new Dictionary<string, string> { [_layer] = _file };
        return _layer switch
        {
            "inducement_area" => new ImportBatch { Source = source, Files = files, InducementArea = _area },
            "households" => new ImportBatch { Source = source, Files = files, Households = _households, HouseholdYears = years },
            "town_blocks" => new ImportBatch { Source = source, Files = files, TownBlocks = _blocks, TownBlockYears = years },
            "buildings" => new ImportBatch { Source = source, Files = files, Buildings = _buildings },
            "zones" => new ImportBatch { Source = source, Files = files, Zones = _zones },
            "hubs" => new ImportBatch { Source = source, Files = files, Hubs = _hubs },
            _ => new ImportBatch { Source = source, Files = files, VacantHouses = _vacant },
        };
    }

    private IEnumerable<string> IdsOf() => _layer switch
    {
        "zones" => _zones.Select(z => z.Id),
        "hubs" => _hubs.Select(h => h.Id),
        "vacant_houses" => _vacant.Select(v => v.Id),
        _ => [],
    };

    /// <summary>Finds a property among record field names: exact, case-insensitive, or a 10-character .dbf cut.</summary>
    public static Func<string, object?> Lookup(IReadOnlyList<string> names, Func<int, object?> value)
    {
        return name =>
        {
            var i = -1;
            for (var k = 0; k < names.Count && i < 0; k++)
            {
                if (string.Equals(names[k], name, StringComparison.OrdinalIgnoreCase))
                {
                    i = k;
                }
            }

            for (var k = 0; k < names.Count && i < 0; k++)
            {
                if (names[k].Length == 10 && name.Length > 10 && name.StartsWith(names[k], StringComparison.OrdinalIgnoreCase))
                {
                    i = k;
                }
            }

            return i < 0 ? null : value(i);
        };
    }

    /// <summary>CSV cells and .dbf character fields padded or left blank: trimmed, and blank as absent.</summary>
    private static Func<string, object?> Cleaned(Func<string, object?> get) => name => get(name) switch
    {
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        var v => v,
    };

    private static string? Text(object? v) => v switch
    {
        null => null,
        string s => s.Trim().Length == 0 ? null : s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
