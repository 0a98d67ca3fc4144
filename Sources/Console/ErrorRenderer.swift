import Foundation

/// The one place errors become text (habit 2): the `error:` line, the `hint:` line, the status.
///
/// Interactive: `error: loan approve: client cl_… KYC is pending`. In a script the error line
/// starts with the location psql-style, `FILE:LINE: error: `, so editors and CI can jump to it.
/// Hints never carry a location: they are advice, not a place.
public enum ErrorRenderer {
    /// The lines to print on stderr for a failure, at a script location or none.
    public static func lines(for failure: CommandFailure, at location: SourceLocation? = nil) -> [String] {
        let prefix = location.map { "\($0): error: " } ?? "error: "
        let body = failure.command.map { "\($0): \(failure.message)" } ?? failure.message
        var lines = [prefix + body]
        if let hint = failure.hint { lines.append("hint: " + hint) }
        return lines
    }

    /// The same, joined for one write.
    public static func text(for failure: CommandFailure, at location: SourceLocation? = nil) -> String {
        lines(for: failure, at: location).joined(separator: "\n")
    }

    /// Classifies any error: Console's own by their case, the executable's through
    /// `CommandFailureConvertible`, anything else as an internal failure (status 70).
    ///
    /// An unknown error prints only its localized description, never `String(describing:)`,
    /// which could dump an error's stored KYC fields or keys (habit 1).
    public static func failure(for error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let convertible as any CommandFailureConvertible:
            return convertible.commandFailure
        case let usage as UsageError:
            return CommandFailure(usage.message, status: .usage)
        case let tokenizer as TokenizerError:
            return CommandFailure(tokenizer.message, status: .usage)
        case let source as LineSourceError:
            return CommandFailure(source.message, status: source.status)
        default:
            return CommandFailure("internal error: \(error.localizedDescription)", status: .failure)
        }
    }
}
