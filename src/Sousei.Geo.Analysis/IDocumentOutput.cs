namespace Sousei.Geo.Analysis;

/// <summary>
/// An analysis whose result is also a printable document (<c>--format html|pdf</c>, <c>format=html|pdf</c>): the
/// document is drawn by the rendering layer (<c>Sousei.Geo.Rendering.Documents</c>) from the result alone.
/// </summary>
public interface IDocumentOutput<in TResult>
{
    /// <summary>The file name a download is offered under, without extension ("report").</summary>
    string DocumentName { get; }
}
