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
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
