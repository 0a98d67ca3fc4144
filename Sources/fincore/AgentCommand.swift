import Console
import Foundation

/// `fincore` without a subcommand: opens the session, then runs the REPL or the script.
enum AgentCommand {
    static func run(_ options: AgentOptions) async -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let scripted = options.isScripted(stdinIsTerminal: Terminal.isTerminal(STDIN_FILENO))
        let opened: SessionOpener.Opened
        do {
            opened = try await SessionOpener.open(environment: environment)
        } catch {
            let failure = ErrorRenderer.failure(for: error)
            StandardStreams.err("fincore: error: \(failure.message)")
            return failure.status == .refused ? .failure : failure.status
        }
        let terminal = Terminal.current(scripted: scripted, environment: environment)
        let settings = SessionSettings(format: options.format ?? .table, offline: options.offline)
        let context = AgentContext(replica: opened.replica, connection: opened.connection, terminal: terminal,
                                   settings: settings)
        let status = scripted ? await ScriptMode.run(options, context: context) : await ReplCommand.run(context: context)
        await opened.sandbox?.stop()
        return status
    }
}
