using System.Globalization;

namespace Sousei.Geo.Cli;

/// <summary>Parsed <c>--name value</c> options, <c>--flag</c> switches and positional arguments of one command.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="args">The arguments after the command's name.</param>
    /// <param name="flags">Options that take no value.</param>
    /// <param name="repeatable">Options that may be given several times; their values are joined with commas, in order.</param>
    public CommandArgs(IReadOnlyList<string> args, IReadOnlySet<string> flags, IReadOnlySet<string>? repeatable = null)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                string? value = null;
                var eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!flags.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"option --{name} needs a value");
                    }

                    value = args[++i];
                }

                if (value is not null && value.Trim().Length == 0)
                {
                    throw new UsageException($"option --{name} is empty; give it a value (or leave the option out for its default)");
                }

                if (_options.TryGetValue(name, out var earlier))
                {
                    if (repeatable is null || !repeatable.Contains(name))
                    {
                        throw new UsageException($"option --{name} is given twice");
                    }

                    value = earlier + "," + value;
                }

                _options[name] = value;
            }
            else
            {
                Positional.Add(a);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public bool Flag(string name) => Has(name);

    public string? String(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    public string Required(string name) => String(name) ?? throw new UsageException($"option --{name} is required");

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
        {
            throw new UsageException($"--{name} '{s}' must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return v;
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = String(name);
        if (s is null)
        {
            return null;
        }

        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new UsageException($"--{name} '{s}' must be a whole number between {min} and {max}");
        }

        return v;
    }

    public T Choice<T>(string name, T fallback, params (string Text, T Value)[] choices)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }

        foreach (var (text, value) in choices)
        {
            if (string.Equals(text, s, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new UsageException($"--{name} '{s}' is not one of: {string.Join(", ", choices.Select(c => c.Text))}");
    }

    /// <summary>Fails on options the command never asked about (typos are errors, not silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}
