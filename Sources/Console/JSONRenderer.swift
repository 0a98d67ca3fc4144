/// Renders an `OutputTable` as JSON: an array of objects, or one object per line (NDJSON).
///
/// Written by hand rather than with `JSONSerialization` because keys must come out in column
/// order (a table's columns are meaningful; `sortedKeys` would reorder them) and because the
/// output must be byte-for-byte stable for tests and diffs. Strings are escaped per RFC 8259 §7;
/// `.number` cells that are valid JSON numbers are written bare, everything else as a string;
/// money stays a string so no decimal is ever rounded through a Double.
public enum JSONRenderer {
    /// `[{…},{…}]` with one object per line inside the brackets; `[]` when there are no rows.
    public static func array(_ table: OutputTable) -> String {
        guard !table.rows.isEmpty else { return "[]" }
        return "[\n" + table.rows.indices.map { "  " + object(table, row: $0) }.joined(separator: ",\n") + "\n]"
    }

    /// One compact object per line, no enclosing array (https://github.com/ndjson/ndjson-spec).
    public static func lines(_ table: OutputTable) -> String {
        table.rows.indices.map { object(table, row: $0) }.joined(separator: "\n")
    }

    /// Row `row` as a compact object, keys in column order.
    public static func object(_ table: OutputTable, row: Int) -> String {
        let members = table.columns.indices.map { column in
            string(table.columns[column].name) + ":" + value(table.rows[row][column], table.columns[column].kind)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func value(_ cell: String?, _ kind: OutputColumn.Kind) -> String {
        guard let cell else { return "null" }
        if kind == .number, isNumber(cell) { return cell }
        return string(cell)
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The JSON number grammar (RFC 8259 §6): `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
