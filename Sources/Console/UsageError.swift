/// A command line that cannot be understood: the bad token, what was wrong, and a suggestion.
///
/// Data apart from text (swift-argument-parser's manner): the cases hold the evidence and
/// `message` renders it once, so every command reports usage errors alike. Exit status 2.
public enum UsageError: Error, Equatable, Sendable {
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedValue(option: String, value: String)
    case invalidValue(option: String, value: String, reason: String)
    case unexpectedArgument(String)
    case unknownCommand(String, suggestion: String?)
    case missingArgument(String)
    /// A `key=value` field the command does not take.
    case unknownField(String, suggestion: String?)
    /// A required field left out.
    case missingField(String)
    /// The same key twice on one command: which one was meant is a guess, so neither is.
    case duplicateField(String)
    /// A word such as `=5`: a value without a name.
    case emptyFieldName(String)
    /// A key with characters no field name has (`a b=1` after odd quoting, `x..y=1`).
    case invalidFieldName(String)
    /// A field value of the wrong kind (`amount=lots`), with a suggestion for enum values.
    case invalidField(name: String, value: String, reason: String, suggestion: String?)

    /// The text printed after `error: `, naming the token and what was wrong.
    public var message: String {
        switch self {
        case .unknownOption(let token, let suggestion):
            return "unknown option '\(token)'" + Self.hint(suggestion)
        case .missingValue(let option):
            return "option '--\(option)' needs a value"
        case .unexpectedValue(let option, let value):
            return "option '--\(option)' takes no value (got '\(value)')"
        case .invalidValue(let option, let value, let reason):
            return "invalid value '\(value)' for '--\(option)': \(reason)"
        case .unexpectedArgument(let token):
            return "unexpected argument '\(token)'"
        case .unknownCommand(let token, let suggestion):
            return "unknown command '\(token)'" + Self.hint(suggestion)
        case .missingArgument(let name):
            return "missing argument \(name)"
        case .unknownField(let name, let suggestion):
            return "unknown field '\(name)'" + Self.hint(suggestion)
        case .missingField(let name):
            return "missing required field '\(name)'"
        case .duplicateField(let name):
            return "field '\(name)' given more than once"
        case .emptyFieldName(let word):
            return "field '\(word)' has no name before '='"
        case .invalidFieldName(let name):
            return "invalid field name '\(name)'"
        case .invalidField(let name, let value, let reason, let suggestion):
            return "invalid value '\(value)' for field '\(name)': \(reason)" + Self.hint(suggestion)
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
