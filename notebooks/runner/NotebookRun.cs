using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Sousei.Geo.Notebooks;

/// <summary>
/// Executes Jupyter notebooks (.ipynb, .NET C# kernel) with an in-process <see cref="CSharpKernel"/>: one fresh
/// kernel per notebook, the working directory set to the notebook's folder (so <c>#r ".lib/…"</c> and relative
/// data paths resolve as in Jupyter), cells in order. Markdown cells are skipped. A cell fails on a compile error
/// or an exception; the run then stops with exit code 1. Charts go to <c>SOUSEI_NOTEBOOK_OUT</c> (set from
/// <c>--out</c>, default a temp folder), and each executed notebook, with its text outputs, is written there too.
/// </summary>
internal static class NotebookRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "sousei-notebooks-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                outDir = args[++i];
            }
            else if (args[i].EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && File.Exists(args[i]))
            {
                files.Add(Path.GetFullPath(args[i]));
            }
            else
            {
                await Console.Error.WriteLineAsync($"sousei-notebooks: '{args[i]}' is not an existing .ipynb file (usage: sousei-notebooks [--out DIR] NOTEBOOK.ipynb...)");
                return 2;
            }
        }

        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("sousei-notebooks: give one or more .ipynb files");
            return 2;
        }

        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        Environment.SetEnvironmentVariable("SOUSEI_NOTEBOOK_OUT", outDir);
        Console.WriteLine($"outputs: {outDir}");
        var failed = 0;
        foreach (var file in files)
        {
            if (!await RunAsync(file, outDir))
            {
                failed++;
            }
        }

        // Not in the "N passed, N failed" form on purpose: CI reads that line as the test count.
        Console.WriteLine($"notebooks: {files.Count - failed} of {files.Count} ran without error");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool> RunAsync(string path, string outDir)
    {
        var name = Path.GetFileName(path);
        var kernels = new KernelInfoCollection
        {
            new("csharp", "C#", [".net-csharp", "c#", "C#"]),
            new("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = "csharp";
        var document = Notebook.Parse(await File.ReadAllTextAsync(path), kernels);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
        using var kernel = new CSharpKernel().UseKernelHelpers();
        var watch = Stopwatch.StartNew();
        var cell = 0;
        try
        {
            foreach (var element in document.Elements)
            {
                if (element.KernelName is not ("csharp" or "C#" or "c#" or ".net-csharp"))
                {
                    continue;
                }

                cell++;
                element.Outputs.Clear();
                var result = await kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(element.Contents));
                foreach (var e in result.Events)
                {
                    switch (e)
                    {
                        case StandardOutputValueProduced o:
                            element.Outputs.Add(new TextElement(Plain(o.FormattedValues), "stdout"));
                            Echo(name, cell, Plain(o.FormattedValues));
                            break;
                        case DisplayEvent d when e is DisplayedValueProduced or ReturnValueProduced:
                            element.Outputs.Add(new DisplayElement(d.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value)));
                            Echo(name, cell, Plain(d.FormattedValues));
                            break;
                        case CommandFailed f:
                            element.Outputs.Add(new ErrorElement("Error", f.Message));
                            await Console.Error.WriteLineAsync($"FAIL {name} cell {cell}: {f.Message}");
                            Save(document, kernels, outDir, name);
                            return false;
                    }
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        Save(document, kernels, outDir, name);
        Console.WriteLine($"ok   {name}: {cell} cells in {watch.Elapsed.TotalSeconds:F1} s");
        return true;
    }

    private static string Plain(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? "";

    private static void Echo(string name, int cell, string text)
    {
        var lines = text.TrimEnd().Split('\n');
        foreach (var line in lines.Take(12))
        {
            // Inline images are data URIs: print their size, not their bytes.
            var shown = line.StartsWith("<img", StringComparison.Ordinal) ? $"[image, {line.Length:N0} characters]" : line.Length > 160 ? line[..160] + "…" : line;
            Console.WriteLine($"     {name}[{cell}] {shown}");
        }

        if (lines.Length > 12)
        {
            Console.WriteLine($"     {name}[{cell}] … ({lines.Length - 12} more lines)");
        }
    }

    private static void Save(InteractiveDocument document, KernelInfoCollection kernels, string outDir, string name)
    {
        using var stream = File.Create(Path.Combine(outDir, name));
        Notebook.Write(document, stream, kernels);
    }
}
