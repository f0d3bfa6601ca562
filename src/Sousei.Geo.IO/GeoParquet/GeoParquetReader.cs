using NetTopologySuite.Features;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>
/// Reads every row of a GeoParquet layer as a feature (geometry from WKB with SRID 4326, each flat column an attribute,
/// <see cref="GeoParquetColumns"/>), row groups in parallel and rows in file order. A row whose geometry is null or does
/// not parse is a problem naming the file, row group, row and column; the other rows are still read, as for a GeoJSON
/// layer's features.
/// </summary>
public static class GeoParquetReader
{
    /// <summary>A row read as a feature: its index in the file, its row group and row there, and the feature (geometry null when it has none).</summary>
    public readonly record struct Row(int Index, int RowGroup, int RowInGroup, IFeature Feature)
    {
        /// <summary>"row group 2, row 17", for problems.</summary>
        public string Place => GeoParquetFile.Place(RowGroup, RowInGroup);
    }

    /// <summary>The rows of the file in order, or an empty list after a problem that stops the whole file.</summary>
    public static List<Row> Read(string path, ProblemCollector problems)
    {
        using var file = GeoParquetFile.Open(path, problems);
        if (file is null)
        {
            return [];
        }

        var groups = new List<Row>[file.RowGroupRows.Count];
        var groupProblems = new ProblemCollector[groups.Length];
        var failures = new string?[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 8) }, g =>
        {
            groupProblems[g] = new ProblemCollector(problems.Cap);
            try
            {
                groups[g] = ReadGroup(file, g, groupProblems[g]);
            }
            catch (InvalidDataException e)
            {
                failures[g] = e.Message;
                groups[g] = [];
            }
        });

        var rows = new List<Row>((int)file.RowCount);
        for (var g = 0; g < groups.Length; g++)
        {
            if (failures[g] is { } failure)
            {
                problems.Add(new DataProblem("parquet.unreadable", file.FileName, failure, Place: $"row group {g}"));
                continue;
            }

            problems.AddAll(groupProblems[g]);
            rows.AddRange(groups[g]);
        }

        return rows;
    }

    private static List<Row> ReadGroup(GeoParquetFile file, int g, ProblemCollector problems)
    {
        var (wkb, columns) = file.ReadRowGroup(g, file.Attributes);
        var first = (int)file.FirstRow(g);
        var rows = new List<Row>(wkb.Length);
        for (var r = 0; r < wkb.Length; r++)
        {
            var attributes = new AttributesTable();
            for (var c = 0; c < columns.Length; c++)
            {
                attributes.Add(file.Attributes[c].Name, columns[c][r]);
            }

            NetTopologySuite.Geometries.Geometry? geometry = null;
            if (wkb[r] is { } bytes)
            {
                geometry = GeoParquetFile.ParseWkb(bytes, out var problem);
                if (geometry is null)
                {
                    problems.Add(new DataProblem("geometry.wkb", file.FileName, $"column '{file.GeometryField.Name}': {problem}", first + r, Place: GeoParquetFile.Place(g, r)));
                    continue;
                }
            }

            rows.Add(new Row(first + r, g, r, new Feature(geometry, attributes)));
        }

        return rows;
    }
}
