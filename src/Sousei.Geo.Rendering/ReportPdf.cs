using System.Diagnostics;

namespace Sousei.Geo.Rendering;

/// <summary>The printer is missing or failed: an unavailable resource (CLI exit 3, API 503), not bad input.</summary>
public sealed class PrinterUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints the report document to an A4 PDF with headless Chromium (Debian's <c>chromium</c>, or the program named by
/// <c>SOUSEI_CHROMIUM</c>): the page size, margins and page numbers come from the document's <c>@page</c> rules,
/// Chromium's own header and footer are off, and the page loads from a private temporary folder with networking
/// disabled, so the PDF holds exactly what the HTML holds. Thread-safe: every call uses its own folder and profile.
/// </summary>
public static class ReportPdf
{
    /// <summary>How long one print may take.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The browser to print with: <c>SOUSEI_CHROMIUM</c>, else chromium or chromium-browser on PATH; null when none.</summary>
    public static string? Browser()
    {
        if (Environment.GetEnvironmentVariable("SOUSEI_CHROMIUM") is { Length: > 0 } asked)
        {
            return File.Exists(asked) ? asked : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>Prints <paramref name="html"/> and returns the PDF's bytes.</summary>
    /// <exception cref="PrinterUnavailableException">No browser, or it failed or timed out.</exception>
    public static byte[] Print(string html)
    {
        var browser = Browser() ?? throw new PrinterUnavailableException("printing a PDF needs headless Chromium: install Debian's chromium package (or set SOUSEI_CHROMIUM to a Chromium binary), or write --out report.html");
        var work = Directory.CreateTempSubdirectory("sousei-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--no-default-browser-check", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new PrinterUnavailableException($"could not start {browser}");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new PrinterUnavailableException($"{browser} did not finish printing within {Timeout.TotalSeconds:0} s");
            }

            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var why = stderr.Result.Split('\n').FirstOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal)) ?? $"exit code {process.ExitCode}";
                throw new PrinterUnavailableException($"{browser} wrote no PDF ({why.Trim()})");
            }

            return File.ReadAllBytes(pdf);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temp folder is cleaned by the system.
            }
        }
    }
}
