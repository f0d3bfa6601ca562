using System.Text;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.Estat;
using Sousei.Geo.IO.Tests.FileStore;

namespace Sousei.Geo.IO.Tests.Estat;

public class EstatMeshReaderTests
{
    [Fact]
    public void A_shift_jis_table_with_a_label_line_reads_cells_and_notes_suppressed_values()
    {
        using var store = new TempStore();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "KEY_CODE,HTKSYORI,HTKSAKI,GASSAN,T001101001,T001101034\r\n" +
                   ",,,,人口（総数）,世帯総数\r\n" +
                   "493015581,0,,,4087,2000\r\n" +
                   "493015582,0,,,*,*\r\n";
        var path = Path.Combine(store.Path, "mesh_population_2020.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding(932).GetBytes(text));

        var problems = new ProblemCollector();
        var result = EstatMeshReader.Read(path, 2020, problems);

        Assert.False(problems.HasProblems);
        Assert.Equal(2, result.Units.Count);
        Assert.Equal(4087, result.Units[0].Persons);
        Assert.Equal(0, result.Units[1].Persons);
        Assert.Contains(result.Notes, n => n.Contains("1 cells", StringComparison.Ordinal));
        // A half-mesh cell is 22.5″ × 15″: at 32.8°N about 585 m × 462 m ≈ 27 ha.
        var ha = PlaneProjection.Kumamoto.AreaSquareMeters(result.Units[0].Geometry) / 10_000;
        Assert.InRange(ha, 26, 28);
    }

    [Fact]
    public void A_bad_code_and_a_bad_count_are_reported_with_their_lines()
    {
        using var store = new TempStore();
        var path = Path.Combine(store.Path, "mesh.csv");
        File.WriteAllText(path, "KEY_CODE,T001101001\n49301558,10\n4930155,5\n493015581,abc\n");
        var problems = new ProblemCollector();
        EstatMeshReader.Read(path, 2020, problems);
        Assert.Equal([3L, 4L], problems.Problems.Select(p => p.Line!.Value));
        Assert.Equal(["mesh.code", "mesh.value"], problems.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Age_groups_are_read_where_the_table_gives_them_and_a_suppressed_breakdown_is_unknown()
    {
        // 493004593 is a donor cell (HTKSYORI 2): its breakdown is '*' and counted in the receiving cell 493004594.
        using var store = new TempStore();
        var path = Path.Combine(store.Path, "mesh_population_2020.csv");
        File.WriteAllText(path, "KEY_CODE,HTKSYORI,HTKSAKI,GASSAN,T001101001,T001101004,T001101010,T001101019\n" +
            "493004592,0,,,20,3,11,6\n493004593,2,493004594,,5,*,*,*\n493004594,1,,493004593,40,9,20,16\n");
        var problems = new ProblemCollector();
        var units = EstatMeshReader.Read(path, 2020, problems).Units;
        Assert.False(problems.HasProblems);
        Assert.Equal([(3, 6), (null, null), (9, 16)], units.Select(u => (u.Persons0To14, u.Persons65Plus)));
        Assert.Equal([20, 5, 40], units.Select(u => u.Persons));

        // Without the columns, nothing is known; a bad age value is refused with its line.
        File.WriteAllText(path, "KEY_CODE,T001101001\n493004592,20\n");
        Assert.Null(EstatMeshReader.Read(path, 2020, problems).Units[0].Persons65Plus);
        File.WriteAllText(path, "KEY_CODE,T001101001,T001101019\n493004592,20,many\n");
        var bad = new ProblemCollector();
        Assert.Empty(EstatMeshReader.Read(path, 2020, bad).Units);
        Assert.Equal(("mesh.value", 2L), (bad.Problems.Single().Code, bad.Problems.Single().Line!.Value));
    }
}
