using System.Globalization;
using System.Text;
using CsCheck;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.Tables;
using Sousei.Geo.IO.Tests.FileStore;
using Sousei.Geo.IO.Tests.Tables;

namespace Sousei.Geo.IO.Tests.Properties;

/// <summary>
/// Property-based checks (CsCheck; issue 14): for inputs nobody listed, the readers either read or name a problem — they
/// never throw anything else — and what the writers write reads back the same.
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes("""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[130.705,32.795]},"properties":{"persons":2,"year":2023,"id":"a"}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[130.70,32.79],[130.72,32.79],[130.72,32.81],[130.70,32.79]]]},"properties":{"name":"区域","kind":"ward"}}]}
        """);

    [Fact]
    public void Any_mutation_of_a_layer_reads_or_names_a_problem_and_never_throws_anything_else()
    {
        // Up to eight edits (overwrite, insert, delete a byte) anywhere in a valid layer.
        var edit = Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 2], Gen.Byte);
        edit.Array[1, 8].Sample(edits =>
        {
            var bytes = new List<byte>(Valid);
            foreach (var (at, kind, value) in edits)
            {
                var i = Math.Min(at, bytes.Count - 1);
                switch (kind)
                {
                    case 0: bytes[i] = value; break;
                    case 1: bytes.Insert(i, value); break;
                    default: if (bytes.Count > 1) { bytes.RemoveAt(i); } break;
                }
            }

            var problems = new ProblemCollector();
            try
            {
                var features = GeoJsonFeatureReader.Read(bytes.ToArray(), "layer.geojson", problems);
                Assert.True(features.Count > 0 || problems.HasProblems, "nothing read and no problem named");
            }
            catch (DataException e)
            {
                Assert.All(e.Problems, p => Assert.Equal("layer.geojson", p.File));
            }

            Assert.All(problems.Problems, p => Assert.Equal("layer.geojson", p.File));
        }, iter: 2000);
    }

    [Fact]
    public void Any_persons_value_is_read_when_it_is_a_whole_number_in_range_and_named_otherwise()
    {
        Gen.OneOf(Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)), Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
                  Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(s => "\"" + s + "\""), Gen.Const("null"), Gen.Const("true"), Gen.Const("[]"), Gen.Const("1e400"))
            .Sample(value =>
            {
                using var store = new TempStore();
                store.WriteMinimalArea();
                store.Write("households.geojson", TempStore.Collection(TempStore.Feature(TempStore.PointGeometry(130.7106, 32.8031), $$"""{"persons":{{value}},"year":2023}""")));
                // A whole number, or a double within 1e-9 of one (float exports write 3.0000000000000004): AttributeValues.IsWhole;
                // a numeric string counts as its number (CSV-born layers quote them).
                var number = value.Length >= 2 && value[0] == '"' ? value[1..^1] : value;
                var whole = long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    || (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) < 1e15 && Math.Abs(d - Math.Round(d)) < 1e-9 && (n = (long)Math.Round(d)) == Math.Round(d));
                var inRange = whole && n is >= 0 and <= HouseholdAttributes.MaximumPersons;
                try
                {
                    var households = FileStoreReader.Load(store.Path, PlaneProjection.Kumamoto, new FileStoreReader.Options(Layers: CityLayers.InducementArea | CityLayers.Households)).Dataset.Households;
                    Assert.True(inRange, $"persons {value} was accepted");
                    Assert.Equal(n, households.Single().Persons);
                }
                catch (DataException e)
                {
                    Assert.False(inRange, $"persons {value} was refused: {e.Problems[0]}");
                    Assert.Contains(e.Problems, p => p.File == "households.geojson" && p.FeatureIndex == 0 && p.Message.Contains("persons", StringComparison.Ordinal));
                }
            }, iter: 300);
    }

    [Fact]
    public void Any_table_of_text_and_numbers_written_as_csv_reads_back_cell_by_cell()
    {
        var text = Gen.String[Gen.Char, 0, 20];
        var row = Gen.Select(text, Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Double[-1e9, 1e9]);
        row.Array[0, 20].Sample(rows =>
        {
            using var stream = new MemoryStream();
            CsvTableWriter.Write(stream, TestSheet.Zones([.. rows.Select(r => (IReadOnlyList<object?>)[r.Item1, r.Item2, r.Item3])]), TableLanguage.English);
            var records = CsvReadBack.Parse(stream.ToArray());
            Assert.Equal(rows.Length + 1, records.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                var (name, persons, area) = rows[i];
                var cell = records[i + 1][0].Text;
                Assert.Equal(CsvTableWriter.Inert(name), cell);
                Assert.Equal(persons, long.Parse(records[i + 1][1].Text, CultureInfo.InvariantCulture));
                Assert.Equal(area, double.Parse(records[i + 1][2].Text, CultureInfo.InvariantCulture));
            }
        }, iter: 500);
    }

    [Fact]
    public void Any_store_metadata_written_reads_back_the_same()
    {
        var credit = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 20], Gen.String[Gen.Char, 1, 40].Where(s => s.Trim().Length > 0 && s.Trim() == s), Gen.Int[1800, 3000].Nullable());
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 30], Gen.Bool.Nullable(), Gen.Enum<PopulationBasis>(), credit.Array[0, 5]).Sample(m =>
        {
            var (title, synthetic, basis, credits) = m;
            var metadata = new StoreMetadata
            {
                Title = title,
                Synthetic = synthetic,
                PopulationBasis = basis,
                Sources = [.. credits.Select(c => new DataCredit(c.Item1, c.Item2, Year: c.Item3))],
            };
            var problems = new ProblemCollector();
            var back = StoreMetadataFile.Parse(StoreMetadataFile.ToBytes(metadata), "store.json", problems);
            Assert.Empty(problems.Problems);
            Assert.Equal(metadata.Title, back!.Title);
            Assert.Equal(metadata.Synthetic, back.Synthetic);
            Assert.Equal(metadata.PopulationBasis, back.PopulationBasis);
            Assert.Equal(metadata.Sources, back.Sources);
        }, iter: 500);
    }
}
