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
        var settings = SessionSettings(format: options.format ?? .table, offline: options.offline)
        settings.interactive = !scripted
        let sync = opened.connection.api.map { SyncSession(client: $0, replica: opened.replica) }
        settings.autoSync = (try? sync?.engine.autoSyncEnabled()) ?? true
        // In the REPL the receiver runs beside the prompt: only refusals are worth interrupting it for.
        let inbox = ListenCommand.makeInbox(opened.connection, opened.replica) { decision in
            if !decision.isAccepted { StandardStreams.err("webhook \(decision.status) \(decision.note)") }
        }
        let context = AgentContext(replica: opened.replica, connection: opened.connection, terminal: terminal,
                                   settings: settings, sync: sync, listener: WebhookListener(inbox: inbox))
        // At a terminal Ctrl-C must never kill the session, not even between the first sync and the prompt.
        if !scripted { signal(SIGINT, SIG_IGN) }
        if opened.connection.isDemo, let sync, !options.offline {
            // The demo replica starts empty: a first sync brings the sandbox's demo portfolio in.
            let printer = SyncProgressPrinter(isTerminal: terminal.isOutputTerminal)
            // At a terminal Ctrl-C cancels it and gives the prompt; in a script it kills as usual.
            let summary = scripted ? await sync.sync { printer.report($0) }
                : await CommandInterrupt.run { await sync.sync { printer.report($0) } }.0
            if !scripted { StandardStreams.err(SyncProgressPrinter.summary(summary)) }
            if summary.outcome == .cancelled {
                // The user stopped it: no background sync starting the same work behind their back.
                context.update { $0.autoSync = false }
                StandardStreams.err("background sync paused for this session ('sync auto on' resumes it)")
            }
        }
        await context.applyBackgroundSync()
        let status = scripted ? await ScriptMode.run(options, context: context) : await ReplCommand.run(context: context)
        await sync?.auto.stop()
        await context.listener?.stop()
        await opened.sandbox?.stop()
        return status
    }
}
