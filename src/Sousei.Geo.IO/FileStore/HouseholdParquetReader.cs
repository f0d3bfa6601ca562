using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Parquet.Schema;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The households layer from GeoParquet (issue 12), fast: row groups on every core, the integer columns <c>persons</c>,
/// <c>year</c> and the age groups read typed, and 2D point WKB decoded in place (21 bytes, either byte order). A row the
/// fast path does not judge — another geometry, a coordinate problem, a value the rules refuse — goes through the same
/// checks and rules as every other layer row (<see cref="GeometryChecks"/>, <see cref="HouseholdAttributes"/>), so the
/// households and the problems are those of the general path; a file whose columns are not integers is read the
/// general way throughout.
/// </summary>
internal static class HouseholdParquetReader
{
    private static readonly string[] Wanted = ["persons", "year", AgeGroupAttributes.Children, AgeGroupAttributes.Elderly];

    /// <summary>The households, or null when the caller should read the file the general way.</summary>
    public static List<Household>? TryRead(string path, ProblemCollector problems, GeometryChecks checks)
    {
        var fileProblems = new ProblemCollector(problems.Cap);
        using var file = GeoParquetFile.Open(path, fileProblems);
        if (file is null)
        {
            problems.AddAll(fileProblems);
            return [];
        }

        var columns = Wanted.Select(w => file.Attributes.FirstOrDefault(a => a.Name == w)).ToArray();
        if (columns.Any(c => c is not null && c.ClrType != typeof(int) && c.ClrType != typeof(long) && c.ClrType != typeof(short)))
        {
            return null;
        }

        var result = file.ReadRowGroups(problems, (g, session, groupProblems) => ReadGroup(file, g, columns, groupProblems, checks, session));
        return result;
    }

    private static List<Household> ReadGroup(GeoParquetFile file, int g, DataField?[] columns, ProblemCollector problems, GeometryChecks checks, GeoParquetFile.Session session) =>
        file.ReadRowGroupRaw(g, columns, (rows, wkb, integers) => Households(file, g, rows, wkb, integers, problems, checks), session);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Household> Households(GeoParquetFile file, int g, int rows, RawColumn<ReadOnlyMemory<byte>> wkb, long?[]?[] integers, ProblemCollector problems, GeometryChecks checks)
    {
        var first = (int)file.FirstRow(g);
        var households = new List<Household>(rows);
        Span<WholeSlot> slots = stackalloc WholeSlot[Wanted.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < slots.Length; c++)
            {
                slots[c] = integers[c]?[r] is long v ? new WholeSlot(WholeSlot.Kinds.Whole, v) : new WholeSlot(WholeSlot.Kinds.Absent, 0);
            }

            var hasGeometry = wkb.TryGet(r, out var bytes);
            if (hasGeometry && TryPoint(bytes.Span, out var x, out var y) && checks.PointProblem(x, y) is null
                && HouseholdStreamReader.ToHousehold(x, y, slots) is { } fast)
            {
                households.Add(fast);
                continue;
            }

            // The general way, worded as for any layer row.
            var attributes = new AttributesTable();
            for (var c = 0; c < integers.Length; c++)
            {
                if (integers[c] is { } column)
                {
                    attributes.Add(Wanted[c], column[r]);
                }
            }

            var place = GeoParquetFile.Place(g, r);
            Geometry? geometry = null;
            if (hasGeometry && (geometry = GeoParquetFile.ParseWkb(bytes.ToArray(), out var wkbProblem)) is null)
            {
                problems.Add(new DataProblem("geometry.wkb", file.FileName, $"column '{file.GeometryField.Name}': {wkbProblem}", first + r, Place: place));
                continue;
            }

            if (FileStoreReader.ConvertFeature(new Feature(geometry, attributes), file.FileName, first + r, null, place, FileStoreReader.PointOnly, problems, checks, FileStoreReader.ToHousehold) is { } household)
            {
                households.Add(household);
            }
        }

        return households;
    }

    /// <summary>A 2D WKB point (type 1, ISO or extended without SRID) of finite coordinates, in either byte order.</summary>
    private static bool TryPoint(ReadOnlySpan<byte> wkb, out double x, out double y)
    {
        x = y = double.NaN;
        if (wkb.Length != 21 || wkb[0] > 1)
        {
            return false;
        }

        var little = wkb[0] == 1;
        var type = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[1..]);
        if (type != 1)
        {
            return false;
        }

        x = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[5..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[5..]);
        y = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[13..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[13..]);
        return double.IsFinite(x) && double.IsFinite(y);
    }
}
