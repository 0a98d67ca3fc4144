/// Rows to print in any output format: named columns and rows of optional strings.
///
/// Cells are already formatted text (money with its separators, dates as `YYYY-MM-DD`); nil is
/// "no value", shown empty in tables and CSV and as `null` in JSON.
public struct OutputTable: Sendable, Equatable {
    public let columns: [OutputColumn]
    public private(set) var rows: [[String?]]

    public init(columns: [OutputColumn], rows: [[String?]] = []) {
        self.columns = columns
        self.rows = []
        for row in rows { append(row) }
    }

    /// Adds a row, padded with nils or cut to the column count so every row has one cell a column.
    public mutating func append(_ row: [String?]) {
        var cells = Array(row.prefix(columns.count))
        cells += Array(repeating: nil, count: columns.count - cells.count)
        rows.append(cells)
    }
}
