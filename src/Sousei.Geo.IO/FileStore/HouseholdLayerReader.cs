using System.Globalization;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// Reads the households layer (often a million points, up to ten million) fast: as a stream
/// (<see cref="HouseholdStreamReader"/>), and when that path meets anything it does not judge, the whole file: features are located in one pass, then
/// parsed in parallel straight from the bytes (<see cref="PointFeatureParser"/>) and validated like
/// every other layer; a feature of any other shape, or with a persons or year that
/// <see cref="HouseholdAttributes"/> would refuse, goes through the general reader, so the result and the
/// problems are the same as the general path's, only faster.
/// </summary>
internal static class HouseholdLayerReader
{
    private static readonly string[] Wanted = ["persons", "year", AgeGroupAttributes.Children, AgeGroupAttributes.Elderly];

    public static List<Household> Read(string path, ProblemCollector problems, GeometryChecks checks) => LayerFiles.IsParquet(path)
        ? HouseholdParquetReader.TryRead(path, problems, checks) ?? FileStoreReader.ReadHouseholdsGeneral(path, problems, checks)
        : HouseholdStreamReader.TryRead(path, problems, checks) ?? ReadWhole(path, problems, checks);

    /// <summary>The whole-file path: every byte in memory, then the features located and parsed (and every problem worded).</summary>
    internal static List<Household> ReadWhole(string path, ProblemCollector problems, GeometryChecks checks)
    {
        var file = Path.GetFileName(path);
        if (LayerFiles.TryReadAllBytes(path, problems) is not { } bytes)
        {
            return [];
        }

        var slices = GeoJsonFeatureReader.FindFeatures(bytes, file, problems);
        if (slices is null)
        {
            return [];
        }

        var parsed = new Household[slices.Count];
        var status = new byte[slices.Count]; // 0 ok, 1 general path, 2 coordinate problem
        var messages = new (string Message, string? Id)[slices.Count];
        Parallel.For(0, slices.Count, () => new PointFeatureParser.Value[Wanted.Length], (i, _, values) =>
        {
            var (start, length) = slices[i];
            if (!PointFeatureParser.TryParse(bytes.AsSpan(start, length), Wanted, values, out var x, out var y, out var id))
            {
                status[i] = 1;
                return values;
            }

            if (checks.PointProblem(x, y) is { } problem)
            {
                status[i] = 2;
                messages[i] = (problem, id);
                return values;
            }

            // The fast paths' one copy of the household rules; anything they refuse is worded by the general path.
            Span<WholeSlot> slots = stackalloc WholeSlot[Wanted.Length];
            for (var k = 0; k < slots.Length; k++)
            {
                slots[k] = Slot(values[k]);
            }

            if (HouseholdStreamReader.ToHousehold(x, y, slots) is { } household)
            {
                parsed[i] = household;
            }
            else
            {
                status[i] = 1;
            }

            return values;
        }, _ => { });

        var lines = new GeoJsonFeatureReader.LineIndex(bytes);
        var result = new List<Household>(slices.Count);
        for (var i = 0; i < slices.Count; i++)
        {
            switch (status[i])
            {
                case 0:
                    result.Add(parsed[i]);
                    break;
                case 2:
                    var (message, id) = messages[i];
                    problems.Add(new DataProblem("geometry.coordinates", file, message, i, id, lines.LineOf(slices[i].Start)));
                    break;
                default:
                    var (start, length) = slices[i];
                    var h = FileStoreReader.ReadOne(bytes.AsSpan(start, length), file, i, lines.LineOf(start), FileStoreReader.PointOnly, problems, checks, FileStoreReader.ToHousehold);
                    if (h is { } household)
                    {
                        result.Add(household);
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>A value as the fast paths judge it: what <see cref="AttributeValues.WholeNumber"/> accepts is whole, absent is absent.</summary>
    private static WholeSlot Slot(PointFeatureParser.Value value)
    {
        if (!value.Present)
        {
            return new WholeSlot(WholeSlot.Kinds.Absent, 0);
        }

        if (value.Number is { } d && AttributeValues.IsWhole(d))
        {
            return new WholeSlot(WholeSlot.Kinds.Whole, (long)Math.Round(d));
        }

        return value.Number is null && value.Text is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? new WholeSlot(WholeSlot.Kinds.Whole, parsed)
            : new WholeSlot(WholeSlot.Kinds.Other, 0);
    }
}
