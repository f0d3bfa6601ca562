using System.Text.Json;

namespace Sousei.Geo.Cli.Tests.Commands;

public sealed class WhatIfCommandTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Occupying_the_top_three_uses_zone_average_household_sizes()
    {
        var r = CliRun.Run("whatif", "--data", _store.Dir, "--occupy-top", "3", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;

        // Top three: v-a (west, 2.0 persons), v-b (east, 3.0), v-d (west, 2.0): 7 persons inside.
        // Area: 100 → 107 persons on 2 ha: 50 → 53.5 /ha; gap ceil(121.4 − 100) = 22 → ceil(121.4 − 107) = ceil(14.4) = 15.
        var occupied = root.GetProperty("occupied").EnumerateArray().ToList();
        Assert.Equal(["v-a", "v-b", "v-d"], occupied.Select(o => o.GetProperty("id").GetString()));
        Assert.Equal([2.0, 3.0, 2.0], occupied.Select(o => o.GetProperty("persons").GetDouble()));
        Assert.All(occupied, o => Assert.True(o.GetProperty("inside_inducement_area").GetBoolean()));
        Assert.Equal(7, root.GetProperty("persons_added_inside").GetDouble(), 6);
        Assert.Equal(50, root.GetProperty("density_before").GetDouble(), 5);
        Assert.Equal(53.5, root.GetProperty("density_after").GetDouble(), 5);
        Assert.Equal(22, root.GetProperty("gap_persons_before").GetInt64());
        Assert.Equal(15, root.GetProperty("gap_persons_after").GetInt64());

        // West 40 + 4 = 44: gap 21 → 17. East 60 + 3 = 63: gap 1 → ceil(−2.3) = −2.
        var zones = root.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("id").GetString()!);
        Assert.Equal(21, zones["west"].GetProperty("gap_persons_before").GetInt64());
        Assert.Equal(17, zones["west"].GetProperty("gap_persons_after").GetInt64());
        Assert.Equal(-2, zones["east"].GetProperty("gap_persons_after").GetInt64());
        Assert.Equal("ward", zones["east"].GetProperty("kind").GetString());

        // Target reach: all three inside houses give 7 persons < 21.4: the stock is not enough (15 persons still missing);
        // east needs one house (v-b: 63 ≥ 60.7); west's two give 44 < 60.7.
        var reach = root.GetProperty("target_reach");
        Assert.False(reach.GetProperty("total").GetProperty("stock_enough").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reach.GetProperty("total").GetProperty("houses_needed").ValueKind);
        Assert.Equal(15, reach.GetProperty("total").GetProperty("gap_persons_if_all_occupied").GetInt64());
        var reachZones = reach.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("id").GetString()!);
        Assert.Equal(1, reachZones["east"].GetProperty("houses_needed").GetInt32());
        Assert.False(reachZones["west"].GetProperty("stock_enough").GetBoolean());
    }

    [Fact]
    public void Ids_from_a_file_with_a_given_household_size_skip_the_outside_house()
    {
        var ids = _store.WriteFile("ids.txt", "# chosen by the planner\nv-a\n\nv-b\nv-c\n");
        var r = CliRun.Run("whatif", "--data", _store.Dir, "--occupy-ids", ids, "--persons-per-household", "2.5", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;

        // v-a and v-b inside: 2 × 2.5 = 5 → 105 persons; v-c outside adds nothing. gap ceil(121.4 − 105) = ceil(16.4) = 17.
        Assert.Equal(5, root.GetProperty("persons_added_inside").GetDouble(), 6);
        Assert.Equal(17, root.GetProperty("gap_persons_after").GetInt64());
        var c = root.GetProperty("occupied").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "v-c");
        Assert.False(c.GetProperty("inside_inducement_area").GetBoolean());
        Assert.Equal("given", root.GetProperty("persons_per_household").GetProperty("source").GetString());
    }

    [Fact]
    public void A_filter_selects_the_houses()
    {
        var r = CliRun.Run("whatif", "--data", _store.Dir, "--occupy-filter", "inside=true,decay_rank=low|medium,max_hub_distance_m=60", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["v-a", "v-b"], doc.RootElement.GetProperty("occupied").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public void Text_output_answers_the_planners_question_and_hides_owners()
    {
        var r = CliRun.Run("whatif", "--data", _store.Dir, "--occupy-top", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("gap 22 → 17 persons", r.Out, StringComparison.Ordinal);
        Assert.Contains("stock not enough", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(VacantStore.OwnerName, r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("owner", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no vacant house has id 'v-zzz'", "--occupy-ids", "IDS")]
    [InlineData("demolished", "--occupy-ids", "GONE")]
    [InlineData("unknown filter key 'colour'", "--occupy-filter", "inside=true,colour=red")]
    [InlineData("no zone has id 'nowhere'", "--occupy-filter", "zone=nowhere")]
    [InlineData("needs GTFS feeds", "--occupy-filter", "max_minutes_to_central=30")]
    [InlineData("must be a number > 0", "--occupy-top", "2", "--persons-per-household", "0")]
    [InlineData("must be a number > 0", "--occupy-top", "2", "--persons-per-household", "-2")]
    [InlineData("--year: 2019 is not in the data", "--occupy-top", "2", "--year", "2019")]
    [InlineData("only one of", "--occupy-top", "2", "--occupy-filter", "inside=true")]
    [InlineData("choose the houses")]
    public void Bad_input_exits_2_with_a_clear_message(string message, params string[] options)
    {
        var args = new List<string> { "whatif", "--data", _store.Dir };
        args.AddRange(options.Select(o => o switch
        {
            "IDS" => _store.WriteFile("ids.txt", "v-a\nv-zzz\n"),
            "GONE" => _store.WriteFile("gone.txt", "v-gone\n"),
            _ => o,
        }));
        var r = CliRun.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }
}
