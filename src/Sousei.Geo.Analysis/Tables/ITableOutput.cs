namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// An analysis whose result can also be given as tables: <c>--format csv|xlsx</c> on the command line and
/// <c>format=csv|xlsx</c> on the service come from this interface alone (<see cref="TableFile"/>). The first table is
/// the main one, the one a CSV holds; an XLSX workbook has one sheet per table.
/// </summary>
public interface ITableOutput<in TResult>
{
    IReadOnlyList<Table> Tables(TResult result);
}
