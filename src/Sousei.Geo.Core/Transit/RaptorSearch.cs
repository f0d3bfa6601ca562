namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Range-RAPTOR state for one origin (Delling, Pajor, Werneck 2012; range variant after Conway, Byrd and
/// van der Linden 2017): call <see cref="Reset"/>, then <see cref="Run"/> for departures from the latest
/// to the earliest; labels of a later departure stay valid upper bounds for an earlier one, so only what
/// the new departure improves is rescanned.
/// <para>Per round k (rides) every stop keeps two labels, as Conveyal R5 does: the best arrival by vehicle
/// and the best arrival after a walk. Boarding in round k reads the better of the two from round k − 1; a
/// transfer walk starts only from a vehicle arrival, so two walks never follow each other, and a later
/// vehicle arrival can still start a shorter walk. Egress reads vehicle arrivals only.</para>
/// Not thread-safe: use one instance per thread.
/// </summary>
internal sealed class RaptorSearch
{
    public const int Unreached = int.MaxValue;

    private readonly TransitNetwork _net;
    private readonly TransferTable _transfers;
    private readonly int _maxRides;
    private readonly int[][] _vehicle;
    private readonly int[][] _walk;
    private readonly int[] _bestVehicle;
    private readonly bool[] _marked;
    private readonly int[] _markedList;
    private readonly bool[] _vehicleImproved;
    private readonly int[] _vehicleImprovedList;
    private readonly int[] _patternFirst;
    private readonly int[] _patternList;
    private int _markedCount;

    public RaptorSearch(TransitNetwork network, TransitOptions options)
    {
        _net = network;
        _transfers = network.Transfers(options);
        _maxRides = options.MaxRides;
        var n = network.Stops.Count;
        _vehicle = new int[_maxRides + 1][];
        _walk = new int[_maxRides + 1][];
        for (var k = 0; k <= _maxRides; k++)
        {
            _vehicle[k] = new int[n];
            _walk[k] = new int[n];
        }

        _bestVehicle = new int[n];
        _marked = new bool[n];
        _markedList = new int[n];
        _vehicleImproved = new bool[n];
        _vehicleImprovedList = new int[n];
        _patternFirst = new int[network.PatternCount];
        _patternList = new int[network.PatternCount];
        Array.Fill(_patternFirst, -1);
        Reset();
    }

    /// <summary>
    /// Target pruning: labels at or after this time are not kept, because the caller already knows a journey that
    /// arrives by then (times only grow along a journey, so they cannot beat it). In range-RAPTOR the arrival found for
    /// a later departure bounds every earlier one. <see cref="Unreached"/>: no pruning; <see cref="Reset"/> clears it.
    /// </summary>
    public int Bound { get; set; } = Unreached;

    /// <summary>Best arrival by vehicle at each stop over all rounds (seconds; <see cref="Unreached"/> if none).</summary>
    public int[] BestVehicle => _bestVehicle;

    /// <summary>Best arrival after a walk (access or transfer) at a stop over all rounds.</summary>
    public int BestWalk(int stop)
    {
        var best = Unreached;
        for (var k = 0; k <= _maxRides; k++)
        {
            best = Math.Min(best, _walk[k][stop]);
        }

        return best;
    }

    /// <summary>Forgets every label (a new origin).</summary>
    public void Reset()
    {
        for (var k = 0; k <= _maxRides; k++)
        {
            Array.Fill(_vehicle[k], Unreached);
            Array.Fill(_walk[k], Unreached);
        }

        Array.Fill(_bestVehicle, Unreached);
        Bound = Unreached;
    }

    /// <summary>Earliest arrival at a destination reached by walking from vehicle arrivals at <paramref name="egress"/> stops.</summary>
    public int ArrivalAt(ReadOnlySpan<(int Stop, int WalkSeconds)> egress)
    {
        var best = Unreached;
        foreach (var (s, w) in egress)
        {
            var v = _bestVehicle[s];
            if (v != Unreached && v + w < best)
            {
                best = v + w;
            }
        }

        return best;
    }

    /// <summary>One departure at <paramref name="departureSeconds"/>: the origin walks to the <paramref name="access"/> stops.</summary>
    public void Run(ReadOnlySpan<(int Stop, int WalkSeconds)> access, int departureSeconds)
    {
        _markedCount = 0;
        foreach (var (s, w) in access)
        {
            var t = departureSeconds + w;
            if (t < _walk[0][s] && t < Bound)
            {
                _walk[0][s] = t;
                Mark(s);
            }
        }

        for (var k = 1; k <= _maxRides && _markedCount > 0; k++)
        {
            var patternCount = CollectPatterns();
            var improvedCount = 0;
            var veh = _vehicle[k];
            var vehPrev = _vehicle[k - 1];
            var walkPrev = _walk[k - 1];
            for (var q = 0; q < patternCount; q++)
            {
                var p = _patternList[q];
                var first = _patternFirst[p];
                _patternFirst[p] = -1;
                improvedCount = ScanPattern(p, first, veh, vehPrev, walkPrev, improvedCount);
            }

            // Every stop improved by vehicle in this round is marked; transfer walks may add more.
            _markedCount = 0;
            var walk = _walk[k];
            for (var i = 0; i < improvedCount; i++)
            {
                var s = _vehicleImprovedList[i];
                _vehicleImproved[s] = false;
                Mark(s);
            }

            for (var i = 0; i < improvedCount; i++)
            {
                var s = _vehicleImprovedList[i];
                var arrival = veh[s];
                for (var e = _transfers.Offsets[s]; e < _transfers.Offsets[s + 1]; e++)
                {
                    var n = _transfers.To[e];
                    var t = arrival + _transfers.Seconds[e];
                    if (t < walk[n] && t < veh[n] && t < vehPrev[n] && t < walkPrev[n] && t < Bound)
                    {
                        walk[n] = t;
                        Mark(n);
                    }
                }
            }
        }

        for (var i = 0; i < _markedCount; i++)
        {
            _marked[_markedList[i]] = false;
        }

        _markedCount = 0;
    }

    private void Mark(int s)
    {
        if (!_marked[s])
        {
            _marked[s] = true;
            _markedList[_markedCount++] = s;
        }
    }

    private int CollectPatterns()
    {
        var count = 0;
        var net = _net;
        for (var i = 0; i < _markedCount; i++)
        {
            var s = _markedList[i];
            _marked[s] = false;
            for (var e = net.StopPatternOffset[s]; e < net.StopPatternOffset[s + 1]; e++)
            {
                var p = net.StopPatternPattern[e];
                var pos = net.StopPatternPosition[e];
                var current = _patternFirst[p];
                if (current < 0)
                {
                    _patternFirst[p] = pos;
                    _patternList[count++] = p;
                }
                else if (pos < current)
                {
                    _patternFirst[p] = pos;
                }
            }
        }

        _markedCount = 0;
        return count;
    }

    private int ScanPattern(int p, int first, int[] veh, int[] vehPrev, int[] walkPrev, int improvedCount)
    {
        var net = _net;
        var stopBase = net.PatternStopOffset[p];
        var n = net.PatternStopOffset[p + 1] - stopBase;
        var tripCount = net.PatternTripOffset[p + 1] - net.PatternTripOffset[p];
        var timeBase = net.PatternTimeOffset[p];
        var arrivals = net.Arrivals;
        var departures = net.Departures;
        var trip = -1;
        for (var i = first; i < n; i++)
        {
            var s = net.PatternStops[stopBase + i];
            if (trip >= 0 && net.CanAlight[stopBase + i])
            {
                var arrival = arrivals[timeBase + trip * n + i];
                if (arrival < veh[s] && arrival < vehPrev[s] && arrival < Bound)
                {
                    veh[s] = arrival;
                    if (arrival < _bestVehicle[s])
                    {
                        _bestVehicle[s] = arrival;
                    }

                    if (!_vehicleImproved[s])
                    {
                        _vehicleImproved[s] = true;
                        _vehicleImprovedList[improvedCount++] = s;
                    }
                }
            }

            if (!net.CanBoard[stopBase + i])
            {
                continue;
            }

            var ready = Math.Min(vehPrev[s], walkPrev[s]);
            if (ready == Unreached)
            {
                continue;
            }

            if (trip < 0)
            {
                // Earliest trip departing at or after `ready`: departures down a column are sorted (no overtaking).
                int lo = 0, hi = tripCount;
                while (lo < hi)
                {
                    var mid = (lo + hi) >>> 1;
                    if (departures[timeBase + mid * n + i] >= ready)
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid + 1;
                    }
                }

                if (lo < tripCount)
                {
                    trip = lo;
                }
            }
            else
            {
                while (trip > 0 && departures[timeBase + (trip - 1) * n + i] >= ready)
                {
                    trip--;
                }
            }
        }

        return improvedCount;
    }
}
