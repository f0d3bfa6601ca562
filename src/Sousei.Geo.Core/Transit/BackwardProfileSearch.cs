namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Earliest arrival at one target for every stop and every departure at once: a backward profile search over the
/// day's stop times (in the manner of the profile Connection Scan, Dibbelt, Pajor, Strasser, Wagner 2018), done in
/// rounds as RAPTOR does (Delling, Pajor, Werneck 2012) so that round k holds the journeys of at most k rides.
/// <para>Journey rules are those of <see cref="RaptorSearch"/>. With P^k_s(τ) the earliest arrival at the target
/// standing at stop s at time τ with at most k rides left (the next move boards at s), and Q^k_u(a) the same just
/// after a vehicle arrival at u at time a:
/// Q^k_u(a) = min(a + egress(u), P^k_u(a), min over transfer walks u → v of P^k_v(a + walk)), so a walk follows only
/// a vehicle arrival and never another walk, and egress reads vehicle arrivals only;
/// P^k_s(τ) = min over trips boardable at s at or after τ of the best Q^{k−1} over the later alightable calls of the
/// trip; P^0 = ∞. P^k_s is a step function over the departures from s, kept as a suffix minimum over them; Q^{k−1}
/// is read at every alighting call with one cursor per (stop, walk) pair, as the arrivals at a stop are sorted.</para>
/// <para>Only calls at or after <c>fromSeconds</c> are scanned when no trip goes back in time (then no journey that
/// starts at or after it reaches an earlier call); otherwise every call is.</para>
/// Immutable after construction; <see cref="Run"/> is thread-safe and parallel inside.
/// </summary>
internal sealed class BackwardProfileSearch
{
    public const int Unreached = int.MaxValue;

    private readonly TransitNetwork _net;
    private readonly TransferTable _transfers;
    private readonly int _maxRides;

    // Per trip (pattern order), the first call scanned: the first boardable one at or after fromSeconds.
    private readonly int[] _tripFirst;

    // Per stop, CSR: the scanned boardable calls ascending by departure, the alightable ones ascending by arrival.
    private readonly int[] _boardOffset;
    private readonly int[] _boardSeconds;
    private readonly int[] _boardCall;
    private readonly int[] _alightOffset;
    private readonly int[] _alightSeconds;
    private readonly int[] _alightCall;

    public BackwardProfileSearch(TransitNetwork network, TransitOptions options, int fromSeconds)
    {
        _net = network;
        _transfers = network.Transfers(options);
        _maxRides = options.MaxRides;
        var from = TimesNeverGoBack(network) ? fromSeconds : int.MinValue;
        var stopCount = network.Stops.Count;
        _tripFirst = new int[network.TripCount];
        _boardOffset = new int[stopCount + 1];
        _alightOffset = new int[stopCount + 1];
        ForEachScannedCall(network, from, _tripFirst, (s, _, board, alight) =>
        {
            _boardOffset[s + 1] += board ? 1 : 0;
            _alightOffset[s + 1] += alight ? 1 : 0;
        });
        for (var s = 0; s < stopCount; s++)
        {
            _boardOffset[s + 1] += _boardOffset[s];
            _alightOffset[s + 1] += _alightOffset[s];
        }

        _boardSeconds = new int[_boardOffset[stopCount]];
        _boardCall = new int[_boardSeconds.Length];
        _alightSeconds = new int[_alightOffset[stopCount]];
        _alightCall = new int[_alightSeconds.Length];
        var boardFill = (int[])_boardOffset.Clone();
        var alightFill = (int[])_alightOffset.Clone();
        ForEachScannedCall(network, from, _tripFirst, (s, call, board, alight) =>
        {
            if (board)
            {
                _boardSeconds[boardFill[s]] = network.Departures[call];
                _boardCall[boardFill[s]++] = call;
            }

            if (alight)
            {
                _alightSeconds[alightFill[s]] = network.Arrivals[call];
                _alightCall[alightFill[s]++] = call;
            }
        });
        for (var s = 0; s < stopCount; s++)
        {
            Array.Sort(_boardSeconds, _boardCall, _boardOffset[s], _boardOffset[s + 1] - _boardOffset[s]);
            Array.Sort(_alightSeconds, _alightCall, _alightOffset[s], _alightOffset[s + 1] - _alightOffset[s]);
        }
    }

    /// <summary>
    /// The profiles towards one target reached from vehicle arrivals at the <paramref name="egress"/> stops (walk seconds
    /// added): for the e-th scanned departure (stops in turn, each ascending) P^K of its stop at that time, the earliest
    /// arrival standing there then. Read it with <see cref="ArrivalAt"/>.
    /// </summary>
    public int[] Run(ReadOnlySpan<(int Stop, int WalkSeconds)> egress)
    {
        var net = _net;
        var stopCount = net.Stops.Count;
        var egressSeconds = new int[stopCount];
        Array.Fill(egressSeconds, -1);
        foreach (var (s, w) in egress)
        {
            egressSeconds[s] = egressSeconds[s] < 0 ? w : Math.Min(egressSeconds[s], w);
        }

        var afterArrival = new int[net.StopTimeCount];
        var onBoard = new int[net.StopTimeCount];
        var profile = new int[_boardSeconds.Length];
        Array.Fill(profile, Unreached);
        for (var k = 1; k <= _maxRides; k++)
        {
            var changed = 0;
            var round = k;
            InRanges(stopCount, 64, (lo, hi) =>
            {
                var any = false;
                for (var u = lo; u < hi; u++)
                {
                    any |= AfterArrival(u, round, egressSeconds[u], profile, afterArrival);
                }

                if (any)
                {
                    Volatile.Write(ref changed, 1);
                }
            });

            // Q^{k−1} equals Q^{k−2}: every later round would repeat this one.
            if (k > 1 && changed == 0)
            {
                break;
            }

            InRanges(net.PatternCount, 32, (lo, hi) =>
            {
                for (var p = lo; p < hi; p++)
                {
                    ScanPatternBackward(p, afterArrival, onBoard);
                }
            });

            InRanges(stopCount, 64, (lo, hi) =>
            {
                for (var s = lo; s < hi; s++)
                {
                    var best = Unreached;
                    for (var e = _boardOffset[s + 1] - 1; e >= _boardOffset[s]; e--)
                    {
                        best = Math.Min(best, onBoard[_boardCall[e]]);
                        profile[e] = best;
                    }
                }
            });
        }

        return profile;
    }

    /// <summary>P_s(<paramref name="departureSeconds"/>) from a <see cref="Run"/> result: the first scanned departure from s at or after it.</summary>
    public int ArrivalAt(int[] profile, int stop, int departureSeconds)
    {
        int lo = _boardOffset[stop], hi = _boardOffset[stop + 1];
        var end = hi;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_boardSeconds[mid] < departureSeconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < end ? profile[lo] : Unreached;
    }

    /// <summary>Q^{k−1} at every alighting call at stop u, lowered in place (it only falls from round to round); true if any fell.</summary>
    private bool AfterArrival(int u, int round, int egressSeconds, int[] profile, int[] afterArrival)
    {
        int lo = _alightOffset[u], hi = _alightOffset[u + 1];
        if (lo == hi)
        {
            return false;
        }

        if (round == 1)
        {
            for (var e = lo; e < hi; e++)
            {
                afterArrival[_alightCall[e]] = egressSeconds < 0 ? Unreached : _alightSeconds[e] + egressSeconds;
            }

            return true;
        }

        var changed = AfterArrivalVia(u, 0, lo, hi, profile, afterArrival);
        for (var t = _transfers.Offsets[u]; t < _transfers.Offsets[u + 1]; t++)
        {
            changed |= AfterArrivalVia(_transfers.To[t], _transfers.Seconds[t], lo, hi, profile, afterArrival);
        }

        return changed;
    }

    /// <summary>Boarding at <paramref name="v"/> after <paramref name="walkSeconds"/> (0: the same stop), for the alighting calls lo..hi of one stop.</summary>
    private bool AfterArrivalVia(int v, int walkSeconds, int lo, int hi, int[] profile, int[] afterArrival)
    {
        int next = _boardOffset[v], end = _boardOffset[v + 1];
        if (next == end || profile[next] == Unreached)
        {
            return false;
        }

        var changed = false;
        for (var e = lo; e < hi; e++)
        {
            var ready = _alightSeconds[e] + walkSeconds;
            while (next < end && _boardSeconds[next] < ready)
            {
                next++;
            }

            if (next == end)
            {
                break;
            }

            var call = _alightCall[e];
            if (profile[next] < afterArrival[call])
            {
                afterArrival[call] = profile[next];
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Per trip, from the last call back: on board at a call, the best Q over the later alightable calls.</summary>
    private void ScanPatternBackward(int p, int[] afterArrival, int[] onBoard)
    {
        var net = _net;
        var stopBase = net.PatternStopOffset[p];
        var n = net.PatternStopOffset[p + 1] - stopBase;
        var tripBase = net.PatternTripOffset[p];
        var tripCount = net.PatternTripOffset[p + 1] - tripBase;
        for (var j = 0; j < tripCount; j++)
        {
            var first = _tripFirst[tripBase + j];
            var row = net.PatternTimeOffset[p] + j * n;
            var best = Unreached;
            for (var i = n - 1; i >= first; i--)
            {
                if (i < n - 1 && net.CanBoard[stopBase + i])
                {
                    onBoard[row + i] = best;
                }

                if (i > first && net.CanAlight[stopBase + i])
                {
                    best = Math.Min(best, afterArrival[row + i]);
                }
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> over 0..<paramref name="count"/> in parallel ranges (none when empty, which the partitioner refuses).</summary>
    private static void InRanges(int count, int rangeSize, Action<int, int> body)
    {
        if (count > 0)
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, rangeSize), range => body(range.Item1, range.Item2));
        }
    }

    /// <summary>Visits the scanned calls (stop, call index, boardable, alightable) and fills each trip's first scanned position (n: none).</summary>
    private static void ForEachScannedCall(TransitNetwork net, int from, int[] tripFirst, Action<int, int, bool, bool> visit)
    {
        for (var p = 0; p < net.PatternCount; p++)
        {
            var stopBase = net.PatternStopOffset[p];
            var n = net.PatternStopOffset[p + 1] - stopBase;
            var tripBase = net.PatternTripOffset[p];
            var tripCount = net.PatternTripOffset[p + 1] - tripBase;
            for (var j = 0; j < tripCount; j++)
            {
                var row = net.PatternTimeOffset[p] + j * n;
                var first = n;
                for (var i = 0; i < n - 1; i++)
                {
                    if (net.CanBoard[stopBase + i] && net.Departures[row + i] >= from)
                    {
                        first = i;
                        break;
                    }
                }

                tripFirst[tripBase + j] = first;
                for (var i = first; i < n; i++)
                {
                    var board = i < n - 1 && net.CanBoard[stopBase + i];
                    var alight = i > first && net.CanAlight[stopBase + i];
                    if (board || alight)
                    {
                        visit(net.PatternStops[stopBase + i], row + i, board, alight);
                    }
                }
            }
        }
    }

    /// <summary>True when along every trip arrival ≤ departure at a call and departure ≤ the next call's arrival.</summary>
    private static bool TimesNeverGoBack(TransitNetwork net)
    {
        for (var p = 0; p < net.PatternCount; p++)
        {
            var n = net.PatternStopOffset[p + 1] - net.PatternStopOffset[p];
            var tripCount = net.PatternTripOffset[p + 1] - net.PatternTripOffset[p];
            for (var j = 0; j < tripCount; j++)
            {
                var row = net.PatternTimeOffset[p] + j * n;
                for (var i = 0; i < n; i++)
                {
                    if (net.Arrivals[row + i] > net.Departures[row + i] || (i + 1 < n && net.Departures[row + i] > net.Arrivals[row + i + 1]))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
