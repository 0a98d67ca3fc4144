/// Splits one line into commands and words with shell-like quoting.
///
/// The rules, a small subset of POSIX `sh` (XCU 2.2 Quoting) chosen for typing names and money:
/// - spaces and tabs separate words; `;` separates commands (so `-c 'a; b'` runs two);
/// - `'single quotes'` keep everything literally; `"double quotes"` honour only `\"` and `\\`;
/// - outside quotes a backslash takes the next character literally;
/// - quoted and unquoted parts join into one word: `name="Wanjikū Kamau"` is `name=Wanjikū Kamau`;
/// - `#` at the start of a word starts a comment running to the end of the line.
///
/// Input that cannot be a command (NUL, U+FFFD from invalid UTF-8, control characters other than
/// tab) is refused with its column rather than passed on to a command that would choke later.
public enum CommandLineTokenizer {
    /// The commands on `line`, each a non-empty list of words; empty commands (`;;`) are dropped.
    public static func commands(_ line: String) throws(TokenizerError) -> [[CommandWord]] {
        var state = State()
        var column = 0
        for scalar in line.unicodeScalars {
            column += 1
            try check(scalar, column: column)
            try state.feed(scalar, column: column)
            if state.inComment { break }
        }
        return try state.finish(endColumn: column)
    }

    /// The words of a line that must hold exactly one command (a `;` is an ordinary error then).
    public static func words(_ line: String) throws(TokenizerError) -> [CommandWord] {
        try commands(line).flatMap { $0 }
    }

    /// Refuses scalars that have no business in a typed command.
    private static func check(_ scalar: Unicode.Scalar, column: Int) throws(TokenizerError) {
        switch scalar.value {
        case 0: throw .nulByte(column: column)
        case 0xFFFD: throw .invalidEncoding(column: column)
        case 0x09: return
        case 0x01...0x1F, 0x7F, 0x80...0x9F: throw .controlCharacter(scalar.value, column: column)
        default: return
        }
    }

    /// The scanner's state between scalars: the word being built and any open quote.
    private struct State {
        var commands: [[CommandWord]] = []
        var words: [CommandWord] = []
        var text = ""
        var key: String?
        var value = ""
        var wordColumn: Int?
        var quote: (Character, column: Int)?
        var pendingEscape: Int?
        /// Set while a backslash inside double quotes waits: only `"` and `\` are escapable there.
        var inDoubleQuoteEscape = false
        var inComment = false

        mutating func feed(_ scalar: Unicode.Scalar, column: Int) throws(TokenizerError) {
            if pendingEscape != nil {
                pendingEscape = nil
                append(scalar)
                return
            }
            if let (open, _) = quote {
                if scalar == Unicode.Scalar(UInt8(ascii: "\\")), open == "\"" {
                    pendingEscape = column
                    inDoubleQuoteEscape = true
                } else if Character(scalar) == open {
                    quote = nil
                } else {
                    append(scalar)
                }
                return
            }
            switch scalar {
            case " ", "\t":
                endWord()
            case ";":
                endWord()
                endCommand()
            case "#" where wordColumn == nil:
                inComment = true
            case "'", "\"":
                start(column)
                quote = (Character(scalar), column)
            case "\\":
                start(column)
                pendingEscape = column
            case "=" where key == nil:
                start(column)
                key = text
                text.unicodeScalars.append(scalar)
                value = ""
            default:
                start(column)
                append(scalar)
            }
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            if inDoubleQuoteEscape {
                inDoubleQuoteEscape = false
                if scalar != "\"" && scalar != "\\" { appendRaw("\\") }
            }
            appendRaw(scalar)
        }

        mutating func appendRaw(_ scalar: Unicode.Scalar) {
            text.unicodeScalars.append(scalar)
            if key != nil { value.unicodeScalars.append(scalar) }
        }

        mutating func start(_ column: Int) {
            if wordColumn == nil { wordColumn = column }
        }

        mutating func endWord() {
            guard let column = wordColumn else { return }
            words.append(CommandWord(text, column: column, key: key, value: key == nil ? nil : value))
            text = ""
            key = nil
            value = ""
            wordColumn = nil
        }

        mutating func endCommand() {
            if !words.isEmpty { commands.append(words) }
            words = []
        }

        mutating func finish(endColumn: Int) throws(TokenizerError) -> [[CommandWord]] {
            if let (open, column) = quote { throw .unterminatedQuote(open, column: column) }
            if let column = pendingEscape { throw .trailingBackslash(column: column) }
            endWord()
            endCommand()
            return commands
        }
    }
}
