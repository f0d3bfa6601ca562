using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>
/// The streaming households reader (issue 12) against the whole-file reader it replaces as the oracle: on any input the
/// stream either gives up (and the whole-file path words the problem) or gives the same households, in the same order,
/// and the same problems with the same feature indexes and lines — with windows of a few bytes to a few kilobytes and
/// one to four runs, so that features, numbers and escapes are cut at every place and the guessed run starts are wrong too.
/// </summary>
public sealed class HouseholdStreamReaderTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Three_compact_households_in_tiny_windows_sum_to_nine_persons()
    {
        // 2 + 3 + 4 = 9 persons; a 64-byte window holds less than one feature, so every feature makes the window grow.
        var path = Write("households.geojson", TempStore.Collection(
            House(130.7050, 32.7950, "{\"persons\":2,\"year\":2023}"),
            House(130.7060, 32.7960, "{\"persons\":3,\"year\":2023,\"persons_0_14\":1}"),
            House(130.7070, 32.7970, "{\"persons\":\"4\",\"year\":2024,\"persons_65plus\":2}")));
        var households = Stream(path, 64, 3, out var problems)!;
        Assert.Empty(problems.Problems);
        Assert.Equal([2, 3, 4], households.Select(h => h.Persons));
        Assert.Equal([2023, 2023, 2024], households.Select(h => h.Year));
        Assert.Equal(1, households[1].Persons0To14);
        Assert.Equal(2, households[2].Persons65Plus);
        Assert.Equal(130.7060, households[1].Longitude);
    }

    [Fact]
    public void A_bad_feature_in_a_later_window_is_named_with_its_index_and_line()
    {
        // 200 features, one per line after the opening line: feature 150 is on line 152 and has persons -1.
        var features = Enumerable.Range(0, 200).Select(i => House(130.70 + (i * 1e-5), 32.79, i == 150 ? "{\"persons\":-1,\"year\":2023}" : "{\"persons\":1,\"year\":2023}")).ToArray();
        var path = Write("households.geojson", TempStore.Collection(features));
        var households = Stream(path, 1024, 2, out var problems)!;
        Assert.Equal(199, households.Count);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal(("attribute.persons", 150, 152L), (problem.Code, problem.FeatureIndex!.Value, problem.Line!.Value));
        AssertSameAsWhole(path, 1024, 2);
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]} x", "trailing data")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[ // comment\n]}", "a comment")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{},},]}", "trailing commas")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"\\ud800\"}}]}", "a lone surrogate")]
    [InlineData("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[]}", "a crs member")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"", "a cut file")]
    [InlineData("{\"type\":\"Collection\",\"features\":[]}", "the wrong type")]
    public void Input_the_stream_does_not_judge_goes_to_the_whole_file_reader(string text, string what)
    {
        var path = Write("households.geojson", text);
        Assert.True(Stream(path, 16, 2, out _) is null, what);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_go_to_the_whole_file_reader_which_names_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes(TempStore.Collection(House(130.705, 32.795, "{\"persons\":1,\"year\":2023,\"name\":\"X\"}"))).ToList();
        bytes[bytes.IndexOf((byte)'X')] = 0x82; // a Shift_JIS lead byte
        var path = Path.Combine(_store.Path, "households.geojson");
        File.WriteAllBytes(path, [.. bytes]);
        Assert.Null(Stream(path, 32, 2, out _));
        var problems = new ProblemCollector();
        HouseholdLayerReader.Read(path, problems, Checks());
        Assert.Equal(("geojson.encoding", 2L), (problems.Problems[0].Code, problems.Problems[0].Line!.Value));
    }

    [Fact]
    public void A_gzip_layer_streams_to_the_same_households()
    {
        var text = TempStore.Collection([.. Enumerable.Range(0, 500).Select(i => House(130.70 + (i * 1e-5), 32.79, $"{{\"persons\":{(i % 5) + 1},\"year\":2023}}"))]);
        var path = Path.Combine(_store.Path, "households.geojson.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        var households = Stream(path, 512, 2, out _)!;
        Assert.Equal(1500, households.Sum(h => h.Persons)); // 100 × (1 + 2 + 3 + 4 + 5)
        AssertSameAsWhole(path, 512, 2);
    }

    [Fact]
    public void Random_layers_of_every_layout_read_the_same_as_the_whole_file_reader()
    {
        var feature = Gen.Select(Gen.Int[0, 11], Gen.Int[-2, 9], Gen.Int[0, 5], Gen.Double[130.6, 130.8], Gen.Double[32.7, 32.9]);
        var layer = Gen.Select(feature.Array[0, 40], Gen.Int[0, 3], Gen.Int[1, 4], Gen.Int[8, 600], Gen.Bool);
        layer.Sample(l =>
        {
            var (features, layout, runs, window, bom) = l;
            var text = Layer(features.Select((f, i) => FeatureText(f.Item1, f.Item2, f.Item3, f.Item4, f.Item5, i, layout)).ToArray(), layout);
            var path = Path.Combine(_store.Path, Guid.NewGuid().ToString("N"), "households.geojson"); // samples run on several threads
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);
            Assert.True(AssertSameAsWhole(path, window, runs), "strict JSON must not leave the stream: " + text[..Math.Min(300, text.Length)]);
        }, iter: 1000);
    }

    [Fact]
    public void Any_mutation_of_a_layer_reads_the_same_as_the_whole_file_reader_or_leaves_the_stream()
    {
        var valid = Encoding.UTF8.GetBytes(Layer([.. Enumerable.Range(0, 12).Select(i => FeatureText(i % 12, (i % 5) + 1, i % 6, 130.7 + (i * 1e-4), 32.8, i, i % 4))], 1));
        var edit = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 2], Gen.Int[0, 17].Select(i => ((byte[])[(byte)'"', (byte)'\\', (byte)',', (byte)'}', (byte)']', (byte)'{', (byte)'1', (byte)'-', (byte)'.', (byte)'e', (byte)' ', (byte)'\n', (byte)0xE3, (byte)0, (byte)'9', (byte)'E', (byte)'+', (byte)'u'])[i]));
        Gen.Select(edit.Array[1, 4], Gen.Int[1, 3], Gen.Int[8, 300]).Sample(t =>
        {
            var (edits, runs, window) = t;
            var bytes = new List<byte>(valid);
            foreach (var (at, kind, value) in edits)
            {
                var i = Math.Min(at, bytes.Count - 1);
                switch (kind)
                {
                    case 0: bytes[i] = value; break;
                    case 1: bytes.Insert(i, value); break;
                    default: bytes.RemoveAt(i); break;
                }
            }

            var path = Path.Combine(_store.Path, Guid.NewGuid().ToString("N"), "households.geojson");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [.. bytes]);
            AssertSameAsWhole(path, window, runs);
        }, iter: 5000);
    }

    /// <summary>True when the stream read the file (and agreed with the whole-file reader); false when it left it.</summary>
    private static bool AssertSameAsWhole(string path, int window, int runs)
    {
        var streamed = Stream(path, window, runs, out var streamProblems);
        if (streamed is null)
        {
            return false;
        }

        var wholeProblems = new ProblemCollector();
        var whole = HouseholdLayerReader.ReadWhole(path, wholeProblems, Checks());
        var why = $"window {window}, runs {runs}, file: {Encoding.UTF8.GetString(File.ReadAllBytes(path)).Replace("\n", "⏎", StringComparison.Ordinal)}\nwhole: {string.Join("; ", wholeProblems.Problems)}\nstream: {string.Join("; ", streamProblems.Problems)}";
        Assert.True(whole.SequenceEqual(streamed), "households differ; " + why);
        Assert.True(wholeProblems.Problems.SequenceEqual(streamProblems.Problems), "problems differ; " + why);
        return true;
    }

    private static List<Household>? Stream(string path, int window, int runs, out ProblemCollector problems)
    {
        problems = new ProblemCollector();
        return HouseholdStreamReader.TryRead(path, problems, Checks(), window, runs);
    }

    private static GeometryChecks Checks() => new(PlaneProjection.Kumamoto, false);

    private string Write(string name, string text)
    {
        _store.Write(name, text);
        return Path.Combine(_store.Path, name);
    }

    private static string House(double lon, double lat, string properties) => TempStore.Feature(TempStore.PointGeometry(lon, lat), properties);

    /// <summary>Layouts: 0 compact, 1 one feature per line, 2 pretty (indented), 3 members reordered and spaced as GDAL writes.</summary>
    private static string Layer(string[] features, int layout) => layout switch
    {
        0 => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}",
        2 => "{\n  \"type\": \"FeatureCollection\",\n  \"name\": \"households\",\n  \"features\": [\n    " + string.Join(",\n    ", features) + "\n  ]\n}\n",
        3 => "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n" + string.Join(",\n", features) + "\n],\n\"bbox\": [130.6, 32.7, 130.8, 32.9]\n}\n",
        _ => "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}\n",
    };

    /// <summary>One feature of a kind (0–11, most of them ordinary), with persons, an age count and a position.</summary>
    private static string FeatureText(int kind, int persons, int age, double lon, double lat, int index, int layout)
    {
        var inv = CultureInfo.InvariantCulture;
        var x = Math.Round(lon, 7).ToString("R", inv);
        var y = Math.Round(lat, 7).ToString("R", inv);
        var p = kind switch
        {
            1 => $"\"persons\":\"{persons}\"",
            2 => $"\"persons\":{persons}.0",
            3 => $"\"persons\":{persons}.5",
            4 => "\"persons\":null",
            5 => $"\"persons\":{persons},\"persons_0_14\":{age},\"persons_65plus\":{age}",
            6 => $"\"persons\":{persons}e0,\"name\":\"熊本 \\\"{index}\\\" \\u00e9\\ud83d\\ude00\",\"tags\":{{\"a\":[1,{{\"b\":null}}]}}",
            7 => $"\"persons\":{persons},\"year\":\"2023\",\"id\":{index}",
            _ => $"\"persons\":{persons}",
        };
        var year = kind switch { 7 => "", 8 => ",\"year\":1700", _ => ",\"year\":2023" };
        var geometry = kind switch
        {
            9 => $"{{\"type\":\"Point\",\"coordinates\":[{y},{x}]}}", // swapped axes
            10 => $"{{\"type\":\"Point\",\"coordinates\":[{x},{y},12.5]}}",
            11 => "{\"type\":\"LineString\",\"coordinates\":[[130.7,32.8],[130.71,32.81]]}",
            _ => $"{{\"type\":\"Point\",\"coordinates\":[{x},{y}]}}",
        };
        var properties = "{" + p + year + "}";
        return layout == 3
            ? $"{{ \"type\": \"Feature\", \"id\": \"h{index}\", \"properties\": {properties.Replace(":", ": ", StringComparison.Ordinal)}, \"geometry\": {geometry} }}"
            : layout == 2
                ? $"{{\n      \"type\": \"Feature\",\n      \"geometry\": {geometry},\n      \"properties\": {properties}\n    }}"
                : $"{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{properties}}}";
    }
}
