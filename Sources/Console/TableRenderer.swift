/// Renders an `OutputTable` as aligned columns that fit the terminal width.
///
/// A header, a rule of `-`, then rows, columns two spaces apart, widths in display cells (so
/// `李小龍` takes 6 and `Wanjikū` 7). When the table is wider than the terminal, the widest text
/// column loses a cell at a time (numbers and money are never cut), its cells cut with `…`, down to a floor; a row is never wrapped by us
/// (if even the floors do not fit, the terminal wraps, but each row stays one line). Control
/// characters in cells are shown escaped so a newline in a note cannot break a row.
public struct TableRenderer: Sendable {
    /// The narrowest a column is cut to: room for a few characters and the `…`.
    public static let minimumColumnWidth = 4

    public let width: Int

    public init(width: Int) {
        self.width = width
    }

    public func render(_ table: OutputTable) -> String {
        let header = table.columns.map { Self.visible($0.name) }
        let rows = table.rows.map { $0.map { Self.visible($0 ?? "") } }
        let widths = fit(natural: table.columns.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }, shrinkable: table.columns.map { !$0.isRightAligned })
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(header, widths, table.columns), rule.joined(separator: "  ")]
            + rows.map { line($0, widths, table.columns) })
            .joined(separator: "\n")
    }

    /// Column widths after shrinking the widest text column until the total fits (or every text
    /// column is at its floor). Numbers and money are never cut: `12,500.…` would mislead.
    func fit(natural: [Int], shrinkable: [Bool]) -> [Int] {
        var widths = natural
        let gaps = 2 * max(0, widths.count - 1)
        while widths.reduce(gaps, +) > width {
            guard let widest = widths.indices.filter({ shrinkable[$0] }).max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > Self.minimumColumnWidth else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// One line: cells cut and padded; the last left-aligned cell is not padded (no trailing blanks).
    private func line(_ cells: [String], _ widths: [Int], _ columns: [OutputColumn]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let cut = DisplayWidth.truncate(cell, to: widths[index])
            let right = columns[index].isRightAligned
            let isLast = index == cells.count - 1
            parts.append(isLast && !right ? cut : DisplayWidth.pad(cut, to: widths[index], right: right))
        }
        // A nil in a last right-aligned column would leave blanks: no line ends in spaces.
        var line = parts.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Escapes control characters so every cell stays on one line.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
