using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// One layer from an ESRI Shapefile, through NetTopologySuite.IO.Esri.Shapefile. The .dbf is read
/// in the encoding named by the .cpg, else CP932 (Shift_JIS), as Japanese government data ships;
/// the .prj must name JGD2011/WGS84 longitude/latitude or a JGD2011 plane zone (unprojected here).
/// </summary>
public static class ShapefileLayer
{
    /// <exception cref="DataException">Missing .prj, unknown CRS or encoding, or any bad record (nothing is written).</exception>
    public static ImportBatch Read(string shpPath, string layer, int? year, PlaneProjection projection, bool repair = false, string? encodingName = null)
    {
        var file = Path.GetFileName(shpPath);
        if (!File.Exists(shpPath))
        {
            throw new DataException(new DataProblem("shapefile.missing", file, "file does not exist"));
        }

        var encoding = ResolveEncoding(shpPath, encodingName, file);
        var prjPath = Path.ChangeExtension(shpPath, ".prj");
        if (!File.Exists(prjPath))
        {
            throw new DataException(new DataProblem("shapefile.prj_missing", file,
                "no .prj beside the .shp, so its CRS is unknown; add the .prj (JGD2011 longitude/latitude or a JGD2011 plane zone, EPSG:6669–6687)"));
        }

        PlaneProjection? source;
        try
        {
            source = PrjCrs.Parse(File.ReadAllText(prjPath));
        }
        catch (FormatException e)
        {
            throw new DataException(new DataProblem("shapefile.crs_unknown", Path.GetFileName(prjPath), e.Message));
        }

        var problems = new ProblemCollector();
        var rows = new LayerRows(layer, file, year, new IO.GeoJson.GeometryChecks(projection, repair), problems);
        var factory = new GeometryFactory(new PrecisionModel(), source?.Epsg ?? 4326);
        NetTopologySuite.Features.Feature[] features;
        try
        {
            features = NetTopologySuite.IO.Esri.Shapefile.ReadAllFeatures(shpPath, new ShapefileReaderOptions { Encoding = encoding, Factory = factory });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or FileNotFoundException or EndOfStreamException)
        {
            throw new DataException(new DataProblem("shapefile.unreadable", file, "cannot read the shapefile: " + e.Message));
        }

        for (var i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var geometry = f.Geometry;
            if (geometry is not null && !geometry.IsEmpty && source is not null)
            {
                geometry = source.Unproject(geometry);
            }

            var names = f.Attributes?.GetNames() ?? [];
            var values = f.Attributes?.GetValues() ?? [];
            rows.Add(i, i + 1, geometry, LayerRows.Lookup(names, k => values[k]));
        }

        return rows.ToBatch(shpPath);
    }

    private static Encoding ResolveEncoding(string shpPath, string? encodingName, string file)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cpgPath = Path.ChangeExtension(shpPath, ".cpg");
        var name = encodingName ?? (File.Exists(cpgPath) ? File.ReadAllText(cpgPath).Trim() : "CP932");
        var normalized = name.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        try
        {
            return normalized switch
            {
                "UTF8" or "65001" => new UTF8Encoding(false),
                "CP932" or "932" or "SJIS" or "SHIFTJIS" or "WINDOWS31J" or "MS932" or "ANSI932" => Encoding.GetEncoding(932),
                "EUCJP" or "20932" or "51932" => Encoding.GetEncoding(51932),
                _ when int.TryParse(normalized, out var codePage) => Encoding.GetEncoding(codePage),
                _ => Encoding.GetEncoding(name),
            };
        }
        catch (ArgumentException)
        {
            throw new DataException(new DataProblem("shapefile.encoding", file, $"unknown .dbf encoding '{name}' (from {(encodingName is null ? ".cpg" : "--encoding")}); use UTF-8 or CP932"));
        }
    }
}
