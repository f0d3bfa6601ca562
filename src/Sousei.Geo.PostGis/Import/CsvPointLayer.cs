using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// One point layer (households, hubs, vacant houses) from a CSV with longitude and latitude columns
/// (degrees, JGD2011 / WGS84). UTF-8, or CP932 when the bytes are not UTF-8. Other columns are the
/// layer's properties by name.
/// </summary>
public static class CsvPointLayer
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <exception cref="DataException">Missing columns or any bad row (nothing is written).</exception>
    public static ImportBatch Read(string csvPath, string layer, string lonColumn, string latColumn, int? year, PlaneProjection projection)
    {
        var file = Path.GetFileName(csvPath);
        if (!Identifiers.PointLayers.Contains(layer))
        {
            throw new DataException(new DataProblem("csv.layer", file, $"a CSV with longitude/latitude fills a point layer ({string.Join(", ", Identifiers.PointLayers)}), not '{Identifiers.Printable(layer)}'"));
        }

        if (!File.Exists(csvPath))
        {
            throw new DataException(new DataProblem("csv.missing", file, "file does not exist"));
        }

        var problems = new ProblemCollector();
        var rows = new LayerRows(layer, file, year, new IO.GeoJson.GeometryChecks(projection, false), problems);
        List<string>? header = null;
        int lonIndex = -1, latIndex = -1, index = 0;
        foreach (var (line, fields) in CsvText.Records(CsvText.Decode(File.ReadAllBytes(csvPath))))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToList();
                lonIndex = header.FindIndex(h => string.Equals(h, lonColumn, StringComparison.OrdinalIgnoreCase));
                latIndex = header.FindIndex(h => string.Equals(h, latColumn, StringComparison.OrdinalIgnoreCase));
                if (lonIndex < 0 || latIndex < 0)
                {
                    throw new DataException(new DataProblem("csv.header", file,
                        $"the header has no column {(lonIndex < 0 ? $"'{lonColumn}' (--lon)" : $"'{latColumn}' (--lat)")}; columns: {string.Join(", ", header.Take(12))}", Line: line));
                }

                continue;
            }

            Point? point = null;
            string Cell(int i) => i < fields.Count ? fields[i].Trim() : "";
            if (double.TryParse(Cell(lonIndex), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && double.TryParse(Cell(latIndex), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
            {
                point = LonLat.CreatePoint(new Coordinate(lon, lat));
            }
            else
            {
                problems.Add(new DataProblem("csv.coordinates", file, $"longitude '{Cell(lonIndex)}' / latitude '{Cell(latIndex)}' are not numbers", index, null, line));
                index++;
                continue;
            }

            var captured = fields;
            rows.Add(index, line, point, LayerRows.Lookup(header, k => k < captured.Count ? captured[k] : null));
            index++;
        }

        return rows.ToBatch(csvPath);
    }
}
