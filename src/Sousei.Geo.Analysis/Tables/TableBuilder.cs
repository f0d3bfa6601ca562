namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// Builds one <see cref="Table"/>: columns first, then rows, each cell checked against its column's kind and stored
/// as the model says (string, long, double or null): an int becomes a long, a bool the text true/false, a whole number in
/// a Number column a double, a number that is not finite null. A cell of the wrong kind is a bug and throws. Not thread-safe.
/// </summary>
internal sealed class TableBuilder(string name, string title, string titleEnglish)
{
    private readonly List<TableColumn> _columns = [];
    private readonly List<IReadOnlyList<object?>> _rows = [];

    public TableBuilder Text(string key, string header, string headerEnglish) => Add(new TableColumn(key, header, headerEnglish, TableValueKind.Text));

    public TableBuilder Integer(string key, string header, string headerEnglish) => Add(new TableColumn(key, header, headerEnglish, TableValueKind.Integer));

    public TableBuilder Number(string key, string header, string headerEnglish, int decimals) => Add(new TableColumn(key, header, headerEnglish, TableValueKind.Number, decimals));

    public TableBuilder Add(TableColumn column)
    {
        if (_rows.Count > 0)
        {
            throw new InvalidOperationException("columns come before rows");
        }

        _columns.Add(column);
        return this;
    }

    public int ColumnCount => _columns.Count;

    /// <summary>Adds a row of one cell per column, in column order.</summary>
    public void Row(params object?[] cells)
    {
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"table {name}: a row of {cells.Length} cells for {_columns.Count} columns", nameof(cells));
        }

        var row = new object?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            row[i] = Cell(_columns[i], cells[i]);
        }

        _rows.Add(row);
    }

    public Table Build() => new(name, title, titleEnglish, _columns.ToList(), _rows.ToList());

    private object? Cell(TableColumn column, object? value) => (column.Kind, value) switch
    {
        (_, null) => null,
        (TableValueKind.Text, string s) => s,
        (TableValueKind.Text, bool b) => b ? "true" : "false",
        (TableValueKind.Integer, long l) => l,
        (TableValueKind.Integer, int i) => (long)i,
        (TableValueKind.Number, double d) => double.IsFinite(d) ? d : null,
        (TableValueKind.Number, long l) => (double)l,
        (TableValueKind.Number, int i) => (double)i,
        _ => throw new ArgumentException($"table {name}: column {column.Key} ({column.Kind}) cannot hold a {value.GetType().Name}", nameof(value)),
    };
}
