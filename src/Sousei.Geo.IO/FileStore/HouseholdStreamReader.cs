using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The households layer read as a stream (issue 12): the file goes through a window of a few megabytes, never whole,
/// and each window is cut into one run of features per core, read side by side with <see cref="PointFeatureScanner"/>
/// (no allocation per feature). A run other than the first starts at a guessed feature start (<c>, {"type": "Feature"</c>)
/// and is kept only when the run before it ends exactly there, so a wrong guess costs time, never a wrong answer.
/// Features of another shape, or whose values the fast path does not judge, are read by the general reader from their
/// bytes in the window (<see cref="FileStoreReader.ReadOne{T}"/>), in feature order, so the households and the problems
/// are the general path's. Anything else that is not strict JSON as <see cref="JsonScanner"/> reads it (a syntax error,
/// a comment, bytes that are not UTF-8, a <c>crs</c> member to check, trailing data) makes <see cref="TryRead"/> return
/// null, and the caller reads the file the whole way, which words the problem exactly as before.
/// </summary>
internal sealed class HouseholdStreamReader
{
    /// <summary>Bytes of the window per core by default (the window grows for a feature larger than it).</summary>
    public const int DefaultWindowBytesPerCore = 4 << 20;

    private static readonly byte[][] Wanted = [.. new[] { "persons", "year", AgeGroupAttributes.Children, AgeGroupAttributes.Elderly }.Select(Encoding.UTF8.GetBytes)];

    private readonly string _file;
    private readonly ProblemCollector _problems;
    private readonly GeometryChecks _checks;
    private readonly int _runs;
    private readonly List<Household> _households = [];
    private Stream _stream = Stream.Null;
    private byte[] _buffer;
    private int _length;
    private bool _eof;
    private int _validated;
    private long _lineBase = 1;
    private int _featureIndex;
    private long _fileLength;
    private bool _sized;

    private HouseholdStreamReader(string path, ProblemCollector problems, GeometryChecks checks, int windowBytes, int runs)
    {
        _file = Path.GetFileName(path);
        _problems = problems;
        _checks = checks;
        _runs = Math.Max(1, runs);
        _buffer = new byte[Math.Max(64, windowBytes)];
    }

    /// <summary>Why a run of features stopped.</summary>
    private enum RunStop : byte
    {
        /// <summary>The next feature starts at or after the run's limit (<see cref="Run.Next"/>).</summary>
        Limit,

        /// <summary>The features array closed; <see cref="Run.Next"/> is after its <c>]</c>.</summary>
        End,

        /// <summary>The window ended inside a feature that starts at <see cref="Run.Next"/>.</summary>
        Incomplete,

        /// <summary>Not strict JSON: the caller reads the file the whole way.</summary>
        Invalid,
    }

    /// <summary>
    /// The households, or null when the file must be read the whole way (<see cref="HouseholdLayerReader"/>); problems of
    /// single features go to <paramref name="problems"/> only when the result is not null.
    /// </summary>
    public static List<Household>? TryRead(string path, ProblemCollector problems, GeometryChecks checks, int windowBytesPerCore = DefaultWindowBytesPerCore, int? runs = null)
    {
        if (Directory.Exists(path))
        {
            return null;
        }

        var local = new ProblemCollector(problems.Cap);
        var cores = runs ?? Math.Min(Environment.ProcessorCount, 8);
        var reader = new HouseholdStreamReader(path, local, checks, windowBytesPerCore * cores, cores);
        try
        {
            using var stream = InputFiles.OpenRead(path, out reader._fileLength);
            reader._stream = stream;
            if (!reader.ReadCollection())
            {
                return null;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // the whole-file reader words it (layer.unreadable)
        }

        problems.AddAll(local);
        return reader._households;
    }

    private ReadOnlySpan<byte> Window => _buffer.AsSpan(0, _length);

    /// <summary>The top level: <c>{"type": "FeatureCollection", "features": [...]}</c>, members in any order, then only white space.</summary>
    private bool ReadCollection()
    {
        if (!Fill())
        {
            return false;
        }

        var pos = Window.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (!Ensure(ref pos, (ref JsonScanner s) =>
        {
            var c = s.Peek();
            if (c != '{')
            {
                return c < 0 ? ScanStatus.Incomplete : ScanStatus.Invalid;
            }

            s.Position++;
            return ScanStatus.Ok;
        }))
        {
            return false;
        }

        string? type = null;
        var sawFeatures = false;
        var first = true;
        while (true)
        {
            // A member: its name, then its value (the features array is read window by window).
            var name = "";
            var closed = false;
            if (!Ensure(ref pos, (ref JsonScanner s) =>
            {
                if (first)
                {
                    var c = s.Peek();
                    if (c < 0)
                    {
                        return ScanStatus.Incomplete;
                    }

                    if (c == '}')
                    {
                        s.Position++;
                        closed = true;
                        return ScanStatus.Ok;
                    }
                }

                if (s.Peek() is var q && q < 0)
                {
                    return ScanStatus.Incomplete;
                }

                if (q != '"')
                {
                    return ScanStatus.Invalid;
                }

                var status = s.String(out var text, out var escaped);
                if (status != ScanStatus.Ok)
                {
                    return status;
                }

                if (escaped)
                {
                    return ScanStatus.Invalid;
                }

                name = Encoding.UTF8.GetString(text);
                return s.Colon();
            }))
            {
                return false;
            }

            first = false;
            if (closed)
            {
                break;
            }

            if (name == "features")
            {
                if (sawFeatures || Window[pos] != '[')
                {
                    return false;
                }

                sawFeatures = true;
                if (!ReadFeatures(ref pos))
                {
                    return false;
                }
            }
            else if (name == "type")
            {
                var value = "";
                if (!Ensure(ref pos, (ref JsonScanner s) =>
                {
                    if (s.Buffer[s.Position] != '"')
                    {
                        return ScanStatus.Invalid;
                    }

                    var status = s.String(out var text, out var escaped);
                    value = status == ScanStatus.Ok && !escaped ? Encoding.UTF8.GetString(text) : "";
                    return status == ScanStatus.Ok && escaped ? ScanStatus.Invalid : status;
                }))
                {
                    return false;
                }

                type = value;
            }
            else
            {
                // A crs member is judged by the whole-file reader; any other member is skipped.
                if (name == "crs" || !Ensure(ref pos, (ref JsonScanner s) => s.SkipValue(1)))
                {
                    return false;
                }
            }

            var end = false;
            if (!Ensure(ref pos, (ref JsonScanner s) => s.Separator((byte)'}', out end)))
            {
                return false;
            }

            if (end)
            {
                break;
            }
        }

        // Exactly one JSON value: only white space may follow.
        while (true)
        {
            var rest = Window[pos..];
            if (rest.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }

            if (_eof)
            {
                break;
            }

            Compact(_length);
            pos = 0;
            if (!Fill())
            {
                return false;
            }
        }

        return type == "FeatureCollection" && sawFeatures && _validated == _length;
    }

    private delegate ScanStatus Step(ref JsonScanner scanner);

    /// <summary>Runs a step from <paramref name="pos"/>, reading more while it is incomplete; false when it is invalid or the file ends first.</summary>
    private bool Ensure(ref int pos, Step step)
    {
        while (true)
        {
            var scanner = new JsonScanner(Window, pos);
            var status = step(ref scanner);
            if (status == ScanStatus.Ok)
            {
                pos = scanner.Position;
                return true;
            }

            if (status == ScanStatus.Invalid || _eof)
            {
                return false;
            }

            Compact(pos);
            pos = 0;
            if (!Fill())
            {
                return false;
            }
        }
    }

    /// <summary>The features array from its <c>[</c> to after its <c>]</c>, window by window, a run per core.</summary>
    private bool ReadFeatures(ref int pos)
    {
        pos++;
        var empty = false;
        if (!Ensure(ref pos, (ref JsonScanner s) =>
        {
            var c = s.Peek();
            if (c < 0)
            {
                return ScanStatus.Incomplete;
            }

            if (c == ']')
            {
                s.Position++;
                empty = true;
            }

            return ScanStatus.Ok;
        }))
        {
            return false;
        }

        if (empty)
        {
            return true;
        }

        while (true)
        {
            var starts = Starts(pos);
            var runs = new Run[starts.Count];
            var buffer = _buffer;
            var length = _length;
            Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = _runs }, i =>
                runs[i] = Scan(buffer.AsSpan(0, length), starts[i], i + 1 < starts.Count ? starts[i + 1] : int.MaxValue));

            // Keep the runs that chain: each must end exactly where the next one was guessed to start.
            var kept = 1;
            while (kept < runs.Length && runs[kept - 1].Stop == RunStop.Limit && runs[kept - 1].Next == starts[kept])
            {
                kept++;
            }

            var lines = new LineCursor(_lineBase);
            for (var i = 0; i < kept; i++)
            {
                Merge(runs[i], lines);
            }

            var last = runs[kept - 1];
            switch (last.Stop)
            {
                case RunStop.Invalid:
                    return false;
                case RunStop.End:
                    pos = last.Next;
                    return true;
                case RunStop.Limit:
                    pos = last.Next; // a wrong guess: go on from where the last kept run really ended
                    break;
                default:
                    if (_eof)
                    {
                        return false;
                    }

                    Compact(last.Next);
                    pos = 0;
                    if (!Fill())
                    {
                        return false;
                    }

                    break;
            }

            if (!_sized && _fileLength > 0 && _featureIndex > 1000 && _stream is FileStream)
            {
                // Size the list once from the bytes per feature so far: a 10 M layer is not copied while it grows.
                _sized = true;
                var perFeature = (double)_stream.Position / Math.Max(1, _featureIndex);
                _households.EnsureCapacity((int)Math.Min(int.MaxValue - 64, (_fileLength / perFeature) * 1.02 + 1024));
            }
        }
    }

    /// <summary>Where each run starts: the first at <paramref name="pos"/>, the others at a guessed feature start past an even share of the window.</summary>
    private List<int> Starts(int pos)
    {
        var starts = new List<int> { pos };
        var span = _length - pos;
        if (_runs == 1 || span < 4096)
        {
            return starts;
        }

        for (var i = 1; i < _runs; i++)
        {
            var from = pos + (int)((long)span * i / _runs);
            if (GuessFeatureStart(Window, Math.Max(from, starts[^1] + 1)) is { } g && g < _length)
            {
                starts.Add(g);
            }
        }

        return starts;
    }

    /// <summary>A likely feature start at or after <paramref name="from"/>: <c>,</c> then <c>{"type":"Feature"</c> with any white space.</summary>
    private static int? GuessFeatureStart(ReadOnlySpan<byte> window, int from)
    {
        while (from < window.Length)
        {
            var i = window[from..].IndexOf("\"Feature\""u8);
            if (i < 0)
            {
                return null;
            }

            var at = from + i;
            from = at + 1;
            var p = Back(window, at - 1);
            if (p < 0 || window[p] != ':')
            {
                continue;
            }

            p = Back(window, p - 1);
            if (p < 5 || !window[(p - 5)..(p + 1)].SequenceEqual("\"type\""u8))
            {
                continue;
            }

            p = Back(window, p - 6);
            if (p < 0 || window[p] != '{')
            {
                continue;
            }

            var brace = p;
            p = Back(window, p - 1);
            if (p >= 0 && window[p] == ',')
            {
                return brace;
            }
        }

        return null;

        static int Back(ReadOnlySpan<byte> w, int p)
        {
            while (p >= 0 && w[p] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                p--;
            }

            return p;
        }
    }

    /// <summary>One run's features: the fast ones in order, and the others (general or with a coordinate problem) with their place among them.</summary>
    private sealed class Run(int capacity)
    {
        public List<Household> Fast { get; } = new(capacity);

        public List<Special> Others { get; } = [];

        public int Features { get; set; }

        public int Next { get; set; }

        public RunStop Stop { get; set; }
    }

    /// <summary>A feature for the general reader: its ordinal in the run, how many fast households precede it, its bytes, and a coordinate problem.</summary>
    private readonly record struct Special(int Ordinal, int FastBefore, int Start, int Length, string? CoordinateProblem);

    /// <summary>Reads features from <paramref name="start"/> while the next one starts before <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Run Scan(ReadOnlySpan<byte> window, int start, int limit)
    {
        var run = new Run(Math.Max(16, (limit == int.MaxValue ? window.Length - start : limit - start) / 100));
        var slots = new WholeSlot[Wanted.Length];
        var s = new JsonScanner(window, start);
        while (true)
        {
            var featureStart = s.Position;
            var status = PointFeatureScanner.Scan(ref s, Wanted, slots, out var shape, out var x, out var y);
            if (status != ScanStatus.Ok)
            {
                run.Stop = status == ScanStatus.Incomplete ? RunStop.Incomplete : RunStop.Invalid;
                run.Next = featureStart;
                return run;
            }

            var featureEnd = s.Position;
            status = s.Separator((byte)']', out var closed);
            if (status != ScanStatus.Ok)
            {
                // A window that ends between a feature and its comma: the feature is read again with the next window.
                run.Stop = status == ScanStatus.Incomplete ? RunStop.Incomplete : RunStop.Invalid;
                run.Next = featureStart;
                return run;
            }

            if (shape == FeatureShape.Fast && _checks.PointProblem(x, y) is { } problem)
            {
                run.Others.Add(new Special(run.Features, run.Fast.Count, featureStart, featureEnd - featureStart, problem));
            }
            else if (shape == FeatureShape.Fast && ToHousehold(x, y, slots) is { } household)
            {
                run.Fast.Add(household);
            }
            else
            {
                run.Others.Add(new Special(run.Features, run.Fast.Count, featureStart, featureEnd - featureStart, null));
            }

            run.Features++;
            if (closed)
            {
                run.Stop = RunStop.End;
                run.Next = s.Position;
                return run;
            }

            if (s.Position >= limit)
            {
                run.Stop = RunStop.Limit;
                run.Next = s.Position;
                return run;
            }
        }
    }

    /// <summary>The rules of <see cref="HouseholdAttributes"/> for the fast path's values; null hands the feature to the general reader.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Household? ToHousehold(double x, double y, ReadOnlySpan<WholeSlot> slots)
    {
        if (!Whole(slots[0], 0, HouseholdAttributes.MaximumPersons, out var persons) || !Whole(slots[1], HouseholdAttributes.MinimumYear, HouseholdAttributes.MaximumYear, out var year))
        {
            return null;
        }

        if (!Age(slots[2], persons, out var children) || !Age(slots[3], persons, out var elderly) || children + elderly > persons)
        {
            return null;
        }

        return new Household(x, y, persons, year, children, elderly);

        static bool Age(WholeSlot slot, int persons, out int? value)
        {
            value = null;
            if (slot.Kind == WholeSlot.Kinds.Absent)
            {
                return true;
            }

            if (!Whole(slot, 0, persons, out var n))
            {
                return false;
            }

            value = n;
            return true;
        }

        static bool Whole(WholeSlot slot, long min, long max, out int value)
        {
            value = (int)slot.Value;
            return slot.Kind == WholeSlot.Kinds.Whole && slot.Value >= min && slot.Value <= max;
        }
    }

    /// <summary>Adds a run's households in feature order, reading its other features with the general reader.</summary>
    private void Merge(Run run, LineCursor lines)
    {
        var fastDone = 0;
        foreach (var special in run.Others)
        {
            _households.AddRange(run.Fast.GetRange(fastDone, special.FastBefore - fastDone));
            fastDone = special.FastBefore;
            var index = _featureIndex + special.Ordinal;
            var line = lines.LineOf(Window, special.Start);
            var slice = Window.Slice(special.Start, special.Length);
            if (special.CoordinateProblem is { } problem)
            {
                var values = new PointFeatureParser.Value[1];
                PointFeatureParser.TryParse(slice, ["persons"], values, out _, out _, out var id);
                _problems.Add(new DataProblem("geometry.coordinates", _file, problem, index, id, line));
            }
            else if (FileStoreReader.ReadOne(slice, _file, index, line, FileStoreReader.PointOnly, _problems, _checks, FileStoreReader.ToHousehold) is { } household)
            {
                _households.Add(household);
            }
        }

        if (fastDone == 0)
        {
            _households.AddRange(run.Fast);
        }
        else
        {
            _households.AddRange(run.Fast.GetRange(fastDone, run.Fast.Count - fastDone));
        }

        _featureIndex += run.Features;
    }

    /// <summary>Line numbers of window offsets, counted forward from the window's first line (offsets are asked in order).</summary>
    private sealed class LineCursor(long lineBase)
    {
        private int _offset;
        private long _line = lineBase;

        public long LineOf(ReadOnlySpan<byte> window, int offset)
        {
            _line += window[_offset..offset].Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }

    /// <summary>Drops the window's first <paramref name="consumed"/> bytes (counting their lines) and moves the rest to the front.</summary>
    private void Compact(int consumed)
    {
        _lineBase += _buffer.AsSpan(0, consumed).Count((byte)'\n');
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
        _length -= consumed;
        _validated -= consumed;
    }

    /// <summary>Reads until the window is full or the file ends (growing a full window), then checks the new bytes are UTF-8.</summary>
    private bool Fill()
    {
        if (_length == _buffer.Length)
        {
            if (_buffer.Length >= InputFiles.MaxBytes / 2)
            {
                return false;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        while (_length < _buffer.Length && !_eof)
        {
            var n = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (n == 0)
            {
                _eof = true;
            }

            _length += n;
        }

        // Only whole characters are checked: the last (perhaps cut) sequence waits for the next read.
        var end = _length;
        if (!_eof)
        {
            for (var k = _length - 1; k >= Math.Max(_validated, _length - 4); k--)
            {
                if (_buffer[k] < 0x80)
                {
                    end = k + 1;
                    break;
                }

                if (_buffer[k] >= 0xC0)
                {
                    end = k;
                    break;
                }
            }
        }

        if (!Utf8.IsValid(_buffer.AsSpan(_validated, end - _validated)))
        {
            return false;
        }

        _validated = end;
        return true;
    }
}
