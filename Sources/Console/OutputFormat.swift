/// The output modes, as a table (habit 7; sqlite3's `aModeInfo[]`): name, help, and renderer.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case ndjson

    /// One line of help per mode, for `--format` help and `.mode`-like listings.
    public var summary: String {
        switch self {
        case .table: return "aligned columns fitted to the terminal width (default on a terminal)"
        case .csv: return "comma-separated values with a header row (RFC 4180)"
        case .json: return "one JSON array of objects, keys in column order"
        case .ndjson: return "one JSON object per line, for streaming into other tools"
        }
    }

    /// Parses a `--format` value, with a suggestion for a typo.
    public static func named(_ name: String) throws(UsageError) -> OutputFormat {
        if let format = OutputFormat(rawValue: name) { return format }
        throw .invalidValue(option: "format", value: name,
                            reason: "expected one of \(allCases.map(\.rawValue).joined(separator: ", "))"
                                + (NearestMatch.find(name, among: allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""))
    }

    /// Renders a table in this format; `width` matters only to `.table`. No trailing newline.
    public func render(_ table: OutputTable, width: Int = 80) -> String {
        switch self {
        case .table: return TableRenderer(width: width).render(table)
        case .csv: return CSVRenderer.render(table)
        case .json: return JSONRenderer.array(table)
        case .ndjson: return JSONRenderer.lines(table)
        }
    }

    /// Renders one record: `key: value` lines in table mode, a one-row table otherwise.
    public func render(record: [(String, String?)], width: Int = 80) -> String {
        switch self {
        case .table:
            return RecordRenderer.render(record)
        case .csv, .json, .ndjson:
            let table = OutputTable(columns: record.map { OutputColumn($0.0) }, rows: [record.map(\.1)])
            return self == .json ? JSONRenderer.object(table, row: 0) : render(table, width: width)
        }
    }
}
