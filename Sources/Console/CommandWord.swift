/// One word of a command line after quoting is undone, with where it started and how it splits.
///
/// The tokenizer records the first *unquoted* `=` so that `name="Wanjikū Kamau"` is a field while
/// `"a=b"` (all quoted) stays a positional: the user can always quote a value that holds `=`.
public struct CommandWord: Sendable, Equatable, CustomStringConvertible {
    /// The word's text with quotes and escapes removed.
    public let text: String
    /// The 1-based column (in Unicode scalars) where the word starts on its line.
    public let column: Int
    /// The text before the first unquoted `=`, or nil when the word has none (a positional).
    public let key: String?
    /// The text after the first unquoted `=`; nil exactly when `key` is nil.
    public let value: String?

    public init(_ text: String, column: Int = 1, key: String? = nil, value: String? = nil) {
        self.text = text
        self.column = column
        self.key = key
        self.value = value
    }

    /// A word as if typed unquoted: split at its first `=`. For tests and for words from argv.
    public static func plain(_ text: String, column: Int = 1) -> CommandWord {
        guard let equals = text.firstIndex(of: "=") else { return CommandWord(text, column: column) }
        return CommandWord(text, column: column, key: String(text[..<equals]),
                           value: String(text[text.index(after: equals)...]))
    }

    public var description: String { text }
}
