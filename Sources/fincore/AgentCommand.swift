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
        let sync = opened.connection.api.map { SyncSession(client: $0, replica: opened.replica) }
        // In the REPL the receiver runs beside the prompt: only refusals are worth interrupting it for.
        let inbox = ListenCommand.makeInbox(opened.connection, opened.replica) { decision in
            if !decision.isAccepted { StandardStreams.err("webhook \(decision.status) \(decision.note)") }
        }
        let context = AgentContext(replica: opened.replica, connection: opened.connection, terminal: terminal,
                                   settings: settings, sync: sync, listener: WebhookListener(inbox: inbox))
        if opened.connection.isDemo, let sync, !options.offline {
            // The demo replica starts empty: a first sync brings the sandbox's demo portfolio in.
            let printer = SyncProgressPrinter(isTerminal: terminal.isOutputTerminal)
            let summary = await sync.engine.sync { printer.report($0) }
            if !scripted { StandardStreams.err(SyncProgressPrinter.summary(summary)) }
        }
        if !scripted, !options.offline { await sync?.auto.start() }
        let status = scripted ? await ScriptMode.run(options, context: context) : await ReplCommand.run(context: context)
        await sync?.auto.stop()
        await context.listener?.stop()
        await opened.sandbox?.stop()
        return status
    }
}
