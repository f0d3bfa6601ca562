using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The optional age groups of a household or population unit: <c>persons_0_14</c> and <c>persons_65plus</c>, whole
/// numbers ≥ 0 that cannot exceed <c>persons</c> (nor can their sum). Absent or null: not known.
/// </summary>
public static class AgeGroupAttributes
{
    public const string Children = "persons_0_14";

    public const string Elderly = "persons_65plus";

    /// <summary>Reads both groups; false (with the problems worded) when a present one is bad.</summary>
    public static bool TryRead(Func<string, object?> get, int? persons, Action<string, string> problem, out int? children, out int? elderly)
    {
        var ok = true;
        children = One(get(Children), Children, persons, problem, ref ok);
        elderly = One(get(Elderly), Elderly, persons, problem, ref ok);
        if (ok && persons is { } total && children + elderly > total)
        {
            problem("attribute." + Elderly, $"properties '{Children}' ({children}) and '{Elderly}' ({elderly}) add up to more than persons ({total})");
            ok = false;
        }

        return ok;
    }

    private static int? One(object? raw, string name, int? persons, Action<string, string> problem, ref bool ok)
    {
        if (raw is null)
        {
            return null;
        }

        var value = AttributeValues.WholeNumber(raw, name, 0, problem);
        if (value is null)
        {
            ok = false;
            return null;
        }

        if (persons is { } total && value > total)
        {
            problem("attribute." + name, $"property '{name}' is {value}; it cannot exceed persons ({total})");
            ok = false;
        }

        return value;
    }
}
