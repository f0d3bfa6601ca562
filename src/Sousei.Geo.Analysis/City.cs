using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Analysis;

/// <summary>
/// One city as the analyses see it: the layers loaded from a <see cref="ICitySource"/>, the prepared study area,
/// the GTFS feeds read once and a transit network per service day, and vacant houses with their measured fields.
/// Everything is computed on first use and kept; immutable afterwards and safe for concurrent readers (the
/// service shares one instance between requests; a command opens one for its analysis).
/// </summary>
public sealed partial class City
{
    /// <summary>Bound on memoised results (<see cref="Memo{T}"/>): past it, results are computed and not kept.</summary>
    public const int MemoCapacity = 256;

    private readonly Lazy<StudyArea> _study;
    private readonly Lazy<GtfsReadResult> _gtfs;
    private readonly Lazy<DateOnly> _defaultDate;
    private readonly ConcurrentDictionary<(DateOnly Date, string Scenarios), Lazy<TransitDay>> _transit = new();
    private readonly ConcurrentDictionary<string, string> _scenarioFiles = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<VacantHouseRecord>> _vacant;
    private readonly Lazy<Envelope> _extent;
    private readonly ConcurrentDictionary<object, Lazy<object>> _memo = new();

    private City(ICitySource source, CityLayers available, CityLayers loaded, CityDataset dataset, IReadOnlyList<string> notes, StoreMetadata metadata, DateOnly? serviceDate = null)
    {
        Source = source;
        Metadata = metadata;
        Available = available;
        Loaded = loaded;
        Dataset = dataset;
        Notes = notes;
        ZoneKinds = dataset.Zones.GroupBy(z => z.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        _study = new Lazy<StudyArea>(() => Source.PreparedStudy(Dataset) ?? new StudyArea(Dataset.InducementArea, Dataset.Zones, Projection));
        _gtfs = new Lazy<GtfsReadResult>(() =>
        {
            var read = Source.ReadGtfs();
            read.ThrowIfProblems();
            return read;
        });
        _defaultDate = new Lazy<DateOnly>(() => serviceDate ?? GtfsServiceDays.BusiestWeekday(Gtfs.Feeds));
        LatestBlockYear = dataset.TownBlocks.Count == 0 ? null : dataset.TownBlocks.Max(b => b.Year);
        _vacant = new Lazy<IReadOnlyList<VacantHouseRecord>>(() => VacantHouseRecord.MeasureAll(this));
        _extent = new Lazy<Envelope>(ComputeExtent);
    }

    /// <summary>
    /// Opens the city with the <paramref name="layers"/> an analysis needs (those the source holds; the others are
    /// named only when an analysis asks for them). Loading validates every layer read.
    /// </summary>
    /// <param name="source">Where the data lives.</param>
    /// <param name="layers">The layers to load (of those the source holds).</param>
    /// <param name="serviceDate">The default service day of transit analyses (null: the busiest weekday of the feeds).</param>
    /// <exception cref="DataException">A layer has problems.</exception>
    public static City Open(ICitySource source, CityLayers layers = CityLayers.All, DateOnly? serviceDate = null)
    {
        var available = source.Inventory();
        var loaded = layers & available;
        var metadata = source.Metadata();
        var (dataset, notes) = source.Load(loaded & ~CityLayers.Gtfs);
        return new City(source, available, loaded, dataset, notes, metadata, serviceDate);
    }

    /// <summary>Wraps layers already in memory (tests, notebooks); GTFS comes from <paramref name="gtfs"/> when given.</summary>
    public static City FromDataset(CityDataset dataset, PlaneProjection projection, GtfsReadResult? gtfs = null, string description = "in memory", StoreMetadata? metadata = null)
    {
        var layers = CityLayers.None;
        if (!dataset.InducementArea.IsEmpty)
        {
            layers |= CityLayers.InducementArea;
        }

        foreach (var (count, layer) in new[] { (dataset.Zones.Count, CityLayers.Zones), (dataset.Hubs.Count, CityLayers.Hubs), (dataset.Households.Count, CityLayers.Households), (dataset.TownBlocks.Count, CityLayers.TownBlocks), (dataset.Buildings.Count, CityLayers.Buildings), (dataset.VacantHouses.Count, CityLayers.VacantHouses), (gtfs?.Feeds.Count ?? 0, CityLayers.Gtfs), (dataset.PopulationProjection.Count, CityLayers.PopulationProjection) })
        {
            if (count > 0)
            {
                layers |= layer;
            }
        }

        var source = new MemorySource(dataset, projection, gtfs, description);
        return new City(source, layers, layers, dataset, [], metadata ?? StoreMetadata.None);
    }

    public ICitySource Source { get; }

    /// <summary>What the store says about itself (title, synthetic flag, credits, population basis); <see cref="StoreMetadata.None"/> when nothing.</summary>
    public StoreMetadata Metadata { get; }

    public string Description => Source.Description;

    public PlaneProjection Projection => Source.Projection;

    /// <summary>The layers the source holds.</summary>
    public CityLayers Available { get; }

    /// <summary>The layers loaded for this city (a subset of <see cref="Available"/>).</summary>
    public CityLayers Loaded { get; }

    public CityDataset Dataset { get; }

    /// <summary>Notes of the loading (repairs, mesh tables used, …).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Zone id → kind.</summary>
    public IReadOnlyDictionary<string, string> ZoneKinds { get; }

    /// <summary>The inducement area and zones, prepared in the plane CRS.</summary>
    public StudyArea Study => _study.Value;

    /// <summary>True when the layer is loaded (and so held by the source).</summary>
    public bool Has(CityLayers layer) => (Loaded & layer) == layer;

    /// <summary>The GTFS feeds, read and validated once.</summary>
    /// <exception cref="DataException">A feed has problems.</exception>
    public GtfsReadResult Gtfs => _gtfs.Value;

    /// <summary>Latest year of the population units, shown in tiles and maps; null without them.</summary>
    public int? LatestBlockYear { get; }

    /// <summary>The transit layer of the default service day, or null when the city has no GTFS.</summary>
    public TransitDay? DefaultTransit => Has(CityLayers.Gtfs) ? Transit() : null;

    /// <summary>The default service day: the one the city was opened with, else the weekday on which the most feeds run, then the most trips.</summary>
    public DateOnly DefaultServiceDate => _defaultDate.Value;

    /// <summary>Every vacant house with its place, zones and distances (frequent stops of the default service day).</summary>
    public IReadOnlyList<VacantHouseRecord> VacantHouses => _vacant.Value;

    /// <summary>Envelope of every loaded layer, longitude/latitude.</summary>
    public Envelope Extent => _extent.Value;

    /// <summary>
    /// The transit network of <paramref name="date"/> (default: <see cref="DefaultServiceDate"/>), built once per day.
    /// A day on which a feed runs no trip is a problem of the <c>date</c> parameter.
    /// </summary>
    /// <param name="date">The service day (default <see cref="DefaultServiceDate"/>).</param>
    /// <param name="scenarios">Scenarios applied in order to the feeds before the network is built (<see cref="Scenario"/>).</param>
    public TransitDay Transit(DateOnly? date = null, IReadOnlyList<string>? scenarios = null)
    {
        RequireLayer(CityLayers.Gtfs, "transit analyses");
        var day = date ?? DefaultServiceDate;
        var key = (day, string.Join("\n", scenarios ?? []));
        var lazy = _transit.GetOrAdd(key, k => new Lazy<TransitDay>(() => BuildTransit(k.Date, scenarios ?? [])));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _transit.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>
    /// Lets <paramref name="reference"/> name a scenario file (the CLI's <c>--scenario FILE</c>); the service never
    /// registers files, so its <c>scenario=NAME</c> only reaches the store's <c>scenarios/NAME.json</c>.
    /// </summary>
    public void RegisterScenarioFile(string reference, string path) => _scenarioFiles[reference] = path;

    /// <summary>The named scenarios of the store (<c>scenarios/*.json</c>), sorted.</summary>
    public IReadOnlyList<string> ScenarioNames => Source.ScenarioDirectory is { } dir && Directory.Exists(dir)
        ? Directory.EnumerateFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>
    /// The store's scenarios for a picker: name of the file, the scenario's own name and description as written (not
    /// checked against the feeds), or the problem that keeps the file from being read.
    /// </summary>
    public IReadOnlyList<(string Id, string? Name, string? Description, string? Problem)> ScenarioList => ScenarioNames.Select(id =>
    {
        try
        {
            var s = IO.Scenarios.ScenarioReader.ReadFile(Path.Combine(Source.ScenarioDirectory!, id + ".json"));
            return (id, (string?)s.Name, s.Description, (string?)null);
        }
        catch (DataException e)
        {
            return (id, null, null, e.Problems.FirstOrDefault()?.ToString() ?? e.Message);
        }
    }).ToList();

    /// <summary>
    /// The scenario a reference names (a registered file, else <c>scenarios/NAME.json</c> of the store), read and
    /// checked against the feeds once.
    /// </summary>
    /// <exception cref="RequestException">No such scenario.</exception>
    /// <exception cref="DataException">The scenario file has problems, or names routes or stops the feeds lack.</exception>
    public TransitScenario Scenario(string reference) => Memo(("scenario", reference), () =>
    {
        var path = _scenarioFiles.TryGetValue(reference, out var file) ? file : null;
        if (path is null && Source.ScenarioDirectory is { } dir && ScenarioName().IsMatch(reference) && File.Exists(Path.Combine(dir, reference + ".json")))
        {
            path = Path.Combine(dir, reference + ".json");
        }

        if (path is null)
        {
            var names = ScenarioNames;
            throw new RequestException("scenario", RequestProblem.Choice, $"no scenario '{Parameters.Echo(reference)}' ({(names.Count == 0 ? "the store has no scenarios/ folder" : "scenarios: " + string.Join(", ", names))}; the command line also takes a scenario file)");
        }

        var scenario = IO.Scenarios.ScenarioReader.ReadFile(path);
        var problems = ScenarioEditor.Check(Gtfs.Feeds, scenario);
        if (problems.Count > 0)
        {
            throw new DataException(problems.Take(20).Select(p => new DataProblem("scenario.reference", Path.GetFileName(path), $"{p.Field}: {p.Message}", p.Index, p.Id)).ToList(), problems.Count > 20);
        }

        return scenario;
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ScenarioName();

    private TransitDay BuildTransit(DateOnly date, IReadOnlyList<string> scenarios)
    {
        var feeds = Gtfs.Feeds;
        foreach (var reference in scenarios)
        {
            feeds = ScenarioEditor.Apply(feeds, Scenario(reference));
        }

        var idle = Gtfs.Feeds.Where(f => f.TripsOn(date) == 0).Select(f => f.Name).ToList();
        if (idle.Count > 0)
        {
            throw new RequestException("date", RequestProblem.Choice,
                $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: feed{(idle.Count > 1 ? "s" : "")} {string.Join(", ", idle)} run{(idle.Count > 1 ? "" : "s")} no trip that day (default: the busiest weekday, {DefaultServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
        }

        return new TransitDay(TransitNetwork.Build(feeds, date, Projection), date, feeds.Count) { Scenarios = scenarios };
    }

    /// <summary>Throws a <see cref="RequestException"/> (code <see cref="RequestProblem.MissingLayer"/>) naming the layer when it is not loaded.</summary>
    public void RequireLayer(CityLayers layer, string analysis)
    {
        var missing = Enum.GetValues<CityLayers>().Where(l => l is not (CityLayers.None or CityLayers.All) && (layer & l) != 0 && !Has(l)).ToList();
        if (missing.Count > 0)
        {
            throw new RequestException(missing.Select(l => new RequestProblem("data", RequestProblem.MissingLayer, $"{analysis} need{(analysis.EndsWith('s') ? "" : "s")} {LayerNames.Describe(l)}, and the data ({Description}) has none")).ToList());
        }
    }

    /// <summary>
    /// A result computed once per distinct <paramref name="key"/> and kept (bounded by <see cref="MemoCapacity"/>);
    /// a failed computation is not kept. Keys must be values (records, tuples) of the request.
    /// </summary>
    public T Memo<T>(object key, Func<T> compute)
        where T : class
    {
        if (!_memo.TryGetValue(key, out var lazy))
        {
            if (_memo.Count >= MemoCapacity)
            {
                return compute();
            }

            lazy = _memo.GetOrAdd(key, _ => new Lazy<object>(() => compute()));
        }

        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            _memo.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>How many results <see cref="Memo{T}"/> keeps now (at most <see cref="MemoCapacity"/>).</summary>
    public int MemoCount => _memo.Count;

    private Envelope ComputeExtent()
    {
        var d = Dataset;
        var e = new Envelope();
        if (!d.InducementArea.IsEmpty)
        {
            e.ExpandToInclude(d.InducementArea.EnvelopeInternal);
        }

        foreach (var z in d.Zones)
        {
            e.ExpandToInclude(z.Geometry.EnvelopeInternal);
        }

        foreach (var b in d.TownBlocks)
        {
            e.ExpandToInclude(b.Geometry.EnvelopeInternal);
        }

        foreach (var h in d.Hubs)
        {
            e.ExpandToInclude(h.Location.Coordinate);
        }

        foreach (var v in d.VacantHouses)
        {
            e.ExpandToInclude(v.Geometry.EnvelopeInternal);
        }

        foreach (var h in d.Households)
        {
            e.ExpandToInclude(h.Longitude, h.Latitude);
        }

        if (Has(CityLayers.Gtfs))
        {
            foreach (var s in Gtfs.Feeds.SelectMany(f => f.Stops))
            {
                e.ExpandToInclude(s.Longitude, s.Latitude);
            }
        }

        return e;
    }

    private sealed class MemorySource(CityDataset dataset, PlaneProjection projection, GtfsReadResult? gtfs, string description) : ICitySource
    {
        public string Description => description;

        public string ShortName => description;

        public PlaneProjection Projection => projection;

        public PostGis.Density.SqlDensityEngine? SqlDensity => null;

        public CityLayers Inventory() => CityLayers.All;

        public (CityDataset Dataset, IReadOnlyList<string> Notes) Load(CityLayers layers) => (dataset, []);

        public GtfsReadResult ReadGtfs() => gtfs ?? new GtfsReadResult([], [], false, []);
    }
}
