using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Mesh;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.Estat;

/// <summary>
/// Reads an e-Stat mesh statistics table (地域メッシュ統計) as it ships: CSV keyed by a JIS X 0410
/// code in <c>KEY_CODE</c>, UTF-8 or Shift_JIS (CP932), an optional second header line of Japanese
/// labels. Each row becomes a population unit whose polygon is computed from the code.
/// Suppressed values (<c>*</c>, <c>-</c>, empty) count as 0 and are reported in <see cref="Result.Notes"/>.
/// <para>Age groups, when the table has the columns: <see cref="ChildrenColumn"/> (０～１４歳人口 総数) and
/// <see cref="ElderlyColumn"/> (６５歳以上人口 総数). A cell whose breakdown is suppressed (秘匿, <c>*</c>) has none: e-Stat
/// adds its people to the breakdown of the receiving cell named in HTKSAKI, so the sums over the city stay right
/// while a few persons sit one cell off.</para>
/// </summary>
public static class EstatMeshReader
{
    /// <summary>Default population column: T001101001 人口（総数） of the census mesh table T001101.</summary>
    public const string DefaultPopulationColumn = "T001101001";

    /// <summary>T001101004 ０～１４歳人口 総数.</summary>
    public const string ChildrenColumn = "T001101004";

    /// <summary>T001101019 ６５歳以上人口 総数.</summary>
    public const string ElderlyColumn = "T001101019";

    public sealed record Result(IReadOnlyList<TownBlock> Units, IReadOnlyList<string> Notes);

    public static Result Read(string path, int year, ProblemCollector problems, string populationColumn = DefaultPopulationColumn)
    {
        var fileName = Path.GetFileName(path);
        var units = new List<TownBlock>();
        var notes = new List<string>();
        byte[] bytes;
        try
        {
            bytes = InputFiles.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems.Add(new DataProblem("layer.unreadable", fileName, "cannot read file: " + e.Message));
            return new Result(units, notes);
        }

        var text = Decode(bytes);
        var lines = text.Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            problems.Add(new DataProblem("mesh.empty", fileName, "file is empty", Line: 1));
            return new Result(units, notes);
        }

        var header = SplitCsv(lines[0].TrimEnd('\r'));
        var keyIndex = header.FindIndex(h => h.Equals("KEY_CODE", StringComparison.OrdinalIgnoreCase));
        var popIndex = header.FindIndex(h => h.Equals(populationColumn, StringComparison.OrdinalIgnoreCase));
        if (keyIndex < 0 || popIndex < 0)
        {
            problems.Add(new DataProblem("mesh.header", fileName, $"header must hold KEY_CODE and {populationColumn} (found: {string.Join(", ", header.Take(8))}...)", Line: 1));
            return new Result(units, notes);
        }

        var childrenIndex = header.FindIndex(h => h.Equals(ChildrenColumn, StringComparison.OrdinalIgnoreCase));
        var elderlyIndex = header.FindIndex(h => h.Equals(ElderlyColumn, StringComparison.OrdinalIgnoreCase));
        var suppressed = 0;
        var bad = false;
        var seen = new HashSet<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = SplitCsv(line);
            var key = keyIndex < cells.Count ? cells[keyIndex].Trim() : "";
            if (i == 1 && (key.Length == 0 || !key.All(char.IsAsciiDigit)))
            {
                continue; // e-Stat's second header line (Japanese labels)
            }

            if (!JisMesh.TryDecode(key, out _, out _, out _, out _, out var error))
            {
                problems.Add(new DataProblem("mesh.code", fileName, error, Line: i + 1));
                continue;
            }

            if (!seen.Add(key))
            {
                problems.Add(new DataProblem("mesh.duplicate", fileName, $"mesh code {key} appears twice", Line: i + 1));
                continue;
            }

            var raw = popIndex < cells.Count ? cells[popIndex].Trim() : "";
            int persons;
            if (raw is "" or "*" or "-" or "X" or "x")
            {
                persons = 0;
                suppressed++;
            }
            else if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out persons))
            {
                problems.Add(new DataProblem("mesh.value", fileName, $"{populationColumn} of mesh {key} is '{raw}', not a whole number ≥ 0", Line: i + 1));
                continue;
            }

            var children = AgeGroup(cells, childrenIndex, ChildrenColumn, key, persons, fileName, i + 1, problems, ref bad);
            var elderly = AgeGroup(cells, elderlyIndex, ElderlyColumn, key, persons, fileName, i + 1, problems, ref bad);
            if (bad)
            {
                bad = false;
                continue;
            }

            units.Add(new TownBlock(key, "mesh " + key, JisMesh.CellPolygon(key), persons, year, children, elderly));
        }

        if (suppressed > 0)
        {
            notes.Add($"{fileName}: {suppressed} cells with a suppressed or empty {populationColumn} were read as 0");
        }

        return new Result(units, notes);
    }

    /// <summary>An age-group column of one row: null when the table lacks it or the value is suppressed.</summary>
    private static int? AgeGroup(List<string> cells, int index, string column, string key, int persons, string fileName, int line, ProblemCollector problems, ref bool bad)
    {
        if (index < 0)
        {
            return null;
        }

        var raw = index < cells.Count ? cells[index].Trim() : "";
        if (raw is "" or "*" or "-" or "X" or "x")
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(new DataProblem("mesh.value", fileName, $"{column} of mesh {key} is '{raw}', not a whole number ≥ 0", Line: line));
            bad = true;
            return null;
        }

        return value;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(false, true);
            var s = utf8.GetString(bytes);
            return s.Length > 0 && s[0] == '\uFEFF' ? s[1..] : s;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932).GetString(bytes);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(ch);
            }
        }

        cells.Add(sb.ToString());
        return cells;
    }
}
