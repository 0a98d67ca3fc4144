/// Renders one record as `key: value` lines, keys padded so values line up (table mode's `show`).
public enum RecordRenderer {
    public static func render(_ record: [(String, String?)]) -> String {
        let width = record.map { DisplayWidth.of($0.0) }.max() ?? 0
        return record.map { key, value in
            let label = DisplayWidth.pad(key + ":", to: width + 1)
            guard let value, !value.isEmpty else { return label.trimmingTrailingSpaces() }
            return label + " " + TableRenderer.visible(value)
        }.joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
