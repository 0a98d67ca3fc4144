/// Renders an `OutputTable` as CSV per RFC 4180: a header row, CRLF-free `\n` line ends.
///
/// A field is quoted when it holds a comma, a quote, a CR or LF, or leading/trailing spaces
/// (which spreadsheet importers would otherwise trim); quotes inside are doubled (RFC 4180 §2.7).
/// nil is written as an empty field and the empty string as `""`, so the two survive a round trip
/// through tools that tell them apart (PostgreSQL's `COPY … CSV` does).
/// Lines end with `\n`, not RFC 4180's CRLF: every Unix tool and spreadsheet reads it, and a
/// stray `\r` in shell pipelines is a classic bug.
public enum CSVRenderer {
    public static func render(_ table: OutputTable) -> String {
        ([table.columns.map { field($0.name) }] + table.rows.map { $0.map(field) })
            .map { $0.joined(separator: ",") }
            .joined(separator: "\n")
    }

    /// One field, quoted when needed.
    public static func field(_ value: String?) -> String {
        guard let value else { return "" }
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        var quoted = "\""
        // By scalar, not Character: a quote followed by a combining mark is one Character.
        for scalar in value.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
