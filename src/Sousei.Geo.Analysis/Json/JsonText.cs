using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sousei.Geo.Analysis.Json;

/// <summary>JSON text for results: indented, Japanese left unescaped.</summary>
public static class JsonText
{
    /// <summary>Options of every JSON answer: non-ASCII text (Japanese names) left unescaped.</summary>
    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> on a writer and returns the text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The analysis's JSON of <paramref name="result"/>.</summary>
    public static string Of<TRequest, TResult>(IAnalysis<TRequest, TResult> analysis, TResult result)
        where TRequest : class => Write(w => analysis.WriteJson(w, result));
}
