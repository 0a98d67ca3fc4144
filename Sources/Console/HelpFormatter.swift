/// Renders help pages from option and command tables, so help never drifts from what is parsed.
public enum HelpFormatter {
    /// A two-column block: `synopsis   help`, the second column aligned.
    public static func columns(_ rows: [(String, String)], indent: Int = 2) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        let pad = String(repeating: " ", count: indent)
        return rows.map { left, right in
            pad + left + String(repeating: " ", count: width - left.count + 3) + right
        }.joined(separator: "\n")
    }

    /// The options section of a help page.
    public static func options(_ specs: [OptionSpec]) -> String {
        columns(specs.map { ($0.synopsis, $0.help) })
    }

    /// The exit-status table, shared by `fincore --help` and the README.
    public static func exitStatuses() -> String {
        columns(ExitStatus.allCases.map { (String($0.rawValue), $0.meaning) })
    }
}
