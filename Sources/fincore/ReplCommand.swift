import Console
import Foundation

/// The interactive front end: a readline prompt showing state, history, completion.
enum ReplCommand {
    static func run(context: AgentContext) async -> ExitStatus {
        if context.connection.isDemo { StandardStreams.out(banner(context)) }
        // Ctrl-C at the prompt clears the line (ReadlineSource handles it); while a command runs
        // it cancels that command (CommandInterrupt); in between it is ignored, never fatal.
        signal(SIGINT, SIG_IGN)
        let table = CommandCatalog.table()
        let replica = context.replica
        let completer = Completer(specs: table.specs) { kind, prefix in IDCompletion.ids(kind, prefix, replica) }
        let readline = ReadlineSource(prompt: StatusLine.prompt(context),
                                      historyPath: context.connection.replicaDirectory + "/history",
                                      completer: completer)
        defer { readline.close() }
        let style = context.terminal.style
        let runner = ScriptRunner(writeError: { text in
            StandardStreams.err(text.hasPrefix("error:") ? style.red("error:") + text.dropFirst("error:".count) : text)
        }) { command, _ in
            let (outcome, interrupted) = await CommandInterrupt.run { await table.dispatch(command.words, context: context) }
            // A command stopped by Ctrl-C failed because it was told to: no error, just the fact.
            guard interrupted, outcome.failure != nil else { return outcome }
            StandardStreams.err("cancelled")
            return .success
        }
        let status = await runner.run(SessionSource(readline, context: context))
        let pending = StatusLine.counts(context.replica).pending
        if pending > 0 { StandardStreams.err("\(pending) edit\(pending == 1 ? "" : "s") wait in the outbox; they are kept") }
        return status
    }

    static func banner(_ context: AgentContext) -> String {
        """
        fincore \(Version.current): DEMO MODE, against a sandbox server inside this process \
        (\(EmbeddedSandbox.demoClients) made-up clients); nothing here reaches a real server.
        To use a real server: set FINCORE_API_URL and FINCORE_API_KEY (or run 'fincore login').
        Type 'help' for commands, Ctrl-D to quit.
        """
    }
}
