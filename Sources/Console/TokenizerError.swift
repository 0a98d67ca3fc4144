/// Why a command line could not be split into words, and the column where it went wrong.
///
/// Columns are 1-based and count Unicode scalars, so they point at the right place in an
/// editor even when the line holds non-ASCII names.
public enum TokenizerError: Error, Equatable, Sendable {
    /// A quote (`'` or `"`) opened at `column` was never closed.
    case unterminatedQuote(Character, column: Int)
    /// The line ends with a backslash that escapes nothing.
    case trailingBackslash(column: Int)
    /// A NUL byte: never part of a command, usually a binary file fed as a script.
    case nulByte(column: Int)
    /// U+FFFD, what invalid UTF-8 bytes become when decoded leniently.
    case invalidEncoding(column: Int)
    /// A control character other than tab (escape sequences, bells, stray carriage returns).
    case controlCharacter(UInt32, column: Int)

    /// The column the error points at.
    public var column: Int {
        switch self {
        case .unterminatedQuote(_, let column), .trailingBackslash(let column), .nulByte(let column),
             .invalidEncoding(let column), .controlCharacter(_, let column):
            return column
        }
    }

    /// The text printed after `error: `.
    public var message: String {
        switch self {
        case .unterminatedQuote(let quote, let column):
            return "unterminated \(quote) quote opened at column \(column)"
        case .trailingBackslash(let column):
            return "trailing backslash at column \(column) escapes nothing"
        case .nulByte(let column):
            return "NUL byte at column \(column); is this a binary file?"
        case .invalidEncoding(let column):
            return "invalid UTF-8 at column \(column)"
        case .controlCharacter(let value, let column):
            return "control character \(Self.codePoint(value)) at column \(column)"
        }
    }

    /// Spells a code point the way Unicode does: `U+001B`.
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
