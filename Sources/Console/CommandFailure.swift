/// A command that did not do what was asked: which command, why, a hint, and the exit status.
///
/// Commands throw or return it; `ErrorRenderer` turns it into text. The message names no
/// personal data beyond ids: KYC fields and keys never appear (habit 1).
public struct CommandFailure: Error, Sendable, Equatable {
    /// The command path (`loan approve`) the message is prefixed with, if known.
    public var command: String?
    /// What went wrong, without the `error: ` prefix.
    public var message: String
    /// An optional next step, printed on its own `hint:` line.
    public var hint: String?
    /// The documented exit status for this class of failure.
    public var status: ExitStatus

    public init(_ message: String, command: String? = nil, hint: String? = nil, status: ExitStatus = .refused) {
        self.command = command
        self.message = message
        self.hint = hint
        self.status = status
    }

    /// The same failure attributed to `command` unless it already names one.
    public func attributed(to command: String) -> CommandFailure {
        var copy = self
        if copy.command == nil { copy.command = command }
        return copy
    }
}
