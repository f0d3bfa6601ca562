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

        var rows = file.ReadRowGroups(problems, (g, session, groupProblems) => ReadGroup(file, g, session, groupProblems));
        return rows;
    }

    private static List<Row> ReadGroup(GeoParquetFile file, int g, GeoParquetFile.Session session, ProblemCollector problems)
    {
        var (wkb, columns) = file.ReadRowGroup(g, file.Attributes, session);
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
