using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Builds one layer's rows from generic records (a Shapefile's .dbf, a CSV), with the checks of the
/// file-store reader: geometry type, coordinates and validity, and every layer's properties through the
/// very rules it uses (<see cref="HouseholdAttributes"/>, <see cref="TownBlockAttributes"/>,
/// <see cref="BuildingAttributes"/>, <see cref="ZoneAttributes"/>, <see cref="HubAttributes"/>,
/// <see cref="VacantHouseAttributes"/>), so an import refuses what the file store refuses, with the same
/// problem codes and messages. Property names match case-insensitively, and a .dbf field cut to 10 characters matches
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

    /// <summary>Adds one record: <paramref name="get"/> returns a property by name (null when absent).</summary>
    public void Add(int index, long line, Geometry? geometry, Func<string, object?> get)
    {
        var props = Cleaned(get);
        var id = AttributeValues.Text(props("id")) ?? AttributeValues.Text(props("code"));
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
        switch (_layer)
        {
            case "inducement_area":
                _area.Add((AttributeValues.Text(props("name")), g));
                break;
            case "households":
                if (HouseholdAttributes.Read((Point)g, WithYear(props), Problem) is { } household && SameYear(household.Year, Problem))
                {
                    _households.Add(household);
                }

                break;
            case "town_blocks":
                if (TownBlockAttributes.Read(g, WithYear(props), Problem) is { } block && SameYear(block.Year, Problem))
                {
                    _blocks.Add(block);
                }

                break;
            case "buildings":
                if (BuildingAttributes.Read(id ?? index.ToString(CultureInfo.InvariantCulture), g, props, Problem) is { } building)
                {
                    _buildings.Add(building);
                }

                break;
            case "zones":
                if (ZoneAttributes.Read(g, props, Problem) is { } zone)
                {
                    _zones.Add(zone);
                }

                break;
            case "hubs":
                if (HubAttributes.Read((Point)g, props, Problem) is { } hub)
                {
                    _hubs.Add(hub);
                }

                break;
            case "vacant_houses":
                if (VacantHouseAttributes.Read(g, props, Problem) is { } house)
                {
                    _vacant.Add(house);
                }

                break;
        }
    }

    /// <summary>With --year, a record without a year has that year.</summary>
    private Func<string, object?> WithYear(Func<string, object?> props) =>
        _year is not { } given ? props : name => props(name) ?? (name == "year" ? given : null);

    /// <summary>With --year, a record's own year must be that year.</summary>
    private bool SameYear(int year, Action<string, string> problem)
    {
        if (_year is { } given && year != given)
        {
            problem("attribute.year", $"row year {year} differs from --year {given}");
            return false;
        }

        return true;
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

        if (_layer == "inducement_area" && _area.Count == 0 && !_problems.HasProblems)
        {
            // As in the file store: an empty area would replace the city's area with nothing.
            _problems.Add(new DataProblem("layer.empty", _file, "layer has no features"));
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
}
