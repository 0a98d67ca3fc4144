/// Runs lines from a `LineSource` through a command dispatcher, the way `-c`, `-f` and piped
/// stdin do, stopping at the first failure with `FILE:LINE: error: …` on stderr.
///
/// The rules, after sqlite3's `-bail` and psql's `ON_ERROR_STOP` (habit 3):
/// - blank lines and `#` comments are skipped; `;` separates commands on a line;
/// - the first failing command stops the script and its status is the exit status;
/// - with `keepGoing`, every failure is printed and the script goes on; the exit status is that
///   of the FIRST failure. The first, not the "worst": the statuses are classes, not a scale
///   (is offline, 3, worse than refused, 1?), and the first failure is usually the cause of the
///   rest, so it is the one a script author should look at;
/// - an interactive source (a person at the REPL) is never stopped, errors carry no location, and
///   the session ends with success;
/// - an empty script succeeds with nothing done.
///
/// Atomic (`transaction` set): the whole input is read, then every command is CHECKED (dispatched
/// in `.check` mode: validate and read, write nothing); only if all pass are they run between
/// `begin` and `commit`. A failure while running rolls back; either way nothing is saved and the
/// status is the failing command's. `keepGoing` then only means "report every check failure".
/// The check pass sees the replica before the script, so a command that depends on an earlier
/// one's effect (a loan for a client the script adds) may fail the check: that is the price of
/// checking before writing, and such scripts run non-atomically.
public struct ScriptRunner: Sendable {
    /// Whether a command is being checked (dry run) or run for real.
    public enum Mode: Sendable, Equatable {
        case check
        case run
    }

    public typealias Dispatch = @Sendable (ScriptCommand, Mode) async -> CommandOutcome

    public var keepGoing: Bool
    public var transaction: ScriptTransaction?
    private let dispatch: Dispatch
    private let writeError: @Sendable (String) -> Void

    public init(keepGoing: Bool = false, transaction: ScriptTransaction? = nil,
                writeError: @escaping @Sendable (String) -> Void = StandardStreams.err,
                dispatch: @escaping Dispatch) {
        self.keepGoing = keepGoing
        self.transaction = transaction
        self.writeError = writeError
        self.dispatch = dispatch
    }

    /// Runs the whole source and returns the exit status.
    public func run(_ source: any LineSource) async -> ExitStatus {
        if let transaction { return await runAtomically(source, transaction) }
        var first: ExitStatus?
        while true {
            let commands: [ScriptCommand]
            switch read(source) {
            case .end:
                return source.isInteractive ? .success : first ?? .success
            case .unreadable(let status):
                return first ?? status
            case .unparsable(let status):
                if source.isInteractive { continue }
                first = first ?? status
                if keepGoing { continue }
                return status
            case .commands(let parsed):
                commands = parsed
            }
            for command in commands {
                let outcome = await dispatch(command, .run)
                guard let failure = outcome.failure else { continue }
                report(failure, at: command.location, interactive: source.isInteractive)
                if source.isInteractive { continue }
                first = first ?? failure.status
                if !keepGoing { return failure.status }
            }
        }
    }

    /// Reads everything, checks everything, then runs everything inside the transaction.
    private func runAtomically(_ source: any LineSource, _ transaction: ScriptTransaction) async -> ExitStatus {
        var commands: [ScriptCommand] = []
        var first: ExitStatus?
        reading: while true {
            switch read(source) {
            case .end: break reading
            case .unreadable(let status): return nothingSaved(first ?? status)
            case .unparsable(let status):
                first = first ?? status
                if !keepGoing { return nothingSaved(status) }
            case .commands(let parsed): commands += parsed
            }
        }
        for command in commands {
            guard let failure = await dispatch(command, .check).failure else { continue }
            report(failure, at: command.location, interactive: false)
            first = first ?? failure.status
            if !keepGoing { break }
        }
        if let first { return nothingSaved(first) }
        guard !commands.isEmpty else { return .success }
        do {
            try await transaction.begin()
        } catch {
            report(ErrorRenderer.failure(for: error), at: nil, interactive: false)
            return nothingSaved(.failure)
        }
        for command in commands {
            guard let failure = await dispatch(command, .run).failure else { continue }
            report(failure, at: command.location, interactive: false)
            await rollBack(transaction)
            return nothingSaved(failure.status)
        }
        do {
            try await transaction.commit()
        } catch {
            report(ErrorRenderer.failure(for: error), at: nil, interactive: false)
            await rollBack(transaction)
            return nothingSaved(.failure)
        }
        return .success
    }

    /// What one read produced: commands, a line that did not parse, unreadable input, or the end.
    private enum Read {
        case commands([ScriptCommand])
        case unparsable(ExitStatus)
        case unreadable(ExitStatus)
        case end
    }

    /// Reads and tokenizes the next line, printing any error at its location.
    private func read(_ source: any LineSource) -> Read {
        let line: SourceLine
        do {
            guard let next = try source.nextLine() else { return .end }
            line = next
        } catch {
            report(ErrorRenderer.failure(for: error), at: error.location, interactive: false)
            return .unreadable(error.status)
        }
        do {
            let commands = try CommandLineTokenizer.commands(line.text)
            return .commands(commands.map { ScriptCommand(words: $0, location: line.location) })
        } catch {
            report(ErrorRenderer.failure(for: error), at: line.location, interactive: source.isInteractive)
            return .unparsable(.usage)
        }
    }

    private func rollBack(_ transaction: ScriptTransaction) async {
        do {
            try await transaction.rollback()
        } catch {
            report(ErrorRenderer.failure(for: error), at: nil, interactive: false)
        }
    }

    /// Says plainly that an atomic script left no trace, then passes the status on.
    private func nothingSaved(_ status: ExitStatus) -> ExitStatus {
        if transaction != nil { writeError("note: --atomic: nothing was saved") }
        return status
    }

    private func report(_ failure: CommandFailure, at location: SourceLocation?, interactive: Bool) {
        writeError(ErrorRenderer.text(for: failure, at: interactive ? nil : location))
    }
}
