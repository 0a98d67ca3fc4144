/// One command-line option a command accepts: its spellings, whether it takes a value, and its help.
public struct OptionSpec: Sendable, Hashable {
    /// The canonical name, without dashes (`port` for `--port`); parsed values are keyed by it.
    public let name: String
    /// An optional one-letter alias, without the dash (`c` for `-c`).
    public let short: Character?
    /// The placeholder shown in help for the value (`PORT`); nil for a flag that takes no value.
    public let valueName: String?
    /// One line of help.
    public let help: String

    public init(_ name: String, short: Character? = nil, value valueName: String? = nil, help: String) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
    }

    /// True when the option is followed by a value (`--port 8080` or `--port=8080`).
    public var takesValue: Bool { valueName != nil }

    /// How the option is written in help: `-c, --command TEXT`.
    public var synopsis: String {
        var text = short.map { "-\($0), " } ?? "    "
        text += "--\(name)"
        if let valueName { text += " \(valueName)" }
        return text
    }
}
