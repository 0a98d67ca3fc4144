/// How one command ended: success, or a failure carrying its message and exit status.
public enum CommandOutcome: Sendable, Equatable {
    case success
    case failure(CommandFailure)

    /// A refusal (status 1): bad input or an illegal state change; nothing written.
    public static func refused(_ message: String, command: String? = nil, hint: String? = nil) -> CommandOutcome {
        .failure(CommandFailure(message, command: command, hint: hint, status: .refused))
    }

    /// A usage error (status 2), with a hint pointing at the command's help.
    public static func usage(_ error: UsageError, command: String? = nil) -> CommandOutcome {
        let hint = command.map { "run 'help \($0)' for its usage" }
        return .failure(CommandFailure(error.message, command: command, hint: hint, status: .usage))
    }

    /// Any other documented status (offline, authentication, …) with its message.
    public static func failed(_ status: ExitStatus, _ message: String, command: String? = nil,
                              hint: String? = nil) -> CommandOutcome {
        .failure(CommandFailure(message, command: command, hint: hint, status: status))
    }

    /// The exit status this outcome maps to.
    public var status: ExitStatus {
        switch self {
        case .success: return .success
        case .failure(let failure): return failure.status
        }
    }

    /// The failure, if any.
    public var failure: CommandFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
