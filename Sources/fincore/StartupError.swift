import Console

/// Why a session could not start: a bad configuration or an unusable environment.
struct StartupError: Error, CommandFailureConvertible {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus = .failure) {
        self.message = message
        self.status = status
    }

    var commandFailure: CommandFailure { CommandFailure(message, status: status) }
}
