import Console
import Foundation

/// Runs `-c`, `-f` and piped stdin: no prompt, no colour, no progress bars, `FILE:LINE: error:`.
enum ScriptMode {
    static func run(_ options: AgentOptions, context: AgentContext) async -> ExitStatus {
        let source: any LineSource
        if let commands = options.commands {
            source = StreamSource(text: commands, name: "-c")
        } else if let file = options.file, file != "-" {
            do {
                source = try StreamSource(path: file)
            } catch {
                StandardStreams.err(ErrorRenderer.text(for: ErrorRenderer.failure(for: error)))
                return error.status
            }
        } else {
            source = StreamSource.standardInput()
        }
        let table = CommandCatalog.table()
        var atomic: AtomicScript?
        if options.atomic {
            do {
                atomic = try AtomicScript(context: context)
            } catch {
                StandardStreams.err("error: --atomic: cannot prepare the check pass: \(error.localizedDescription)")
                return .failure
            }
        }
        defer { atomic?.cleanUp() }
        let check = atomic?.checkContext
        let runner = ScriptRunner(keepGoing: options.keepGoing, transaction: atomic?.transaction) { command, mode in
            if mode == .check, let check {
                return await table.dispatch(command.words, context: check, dryRun: true, write: { _ in })
            }
            return await table.dispatch(command.words, context: context)
        }
        let status = await runner.run(source)
        // Edits saved while offline by choice have not reached the server: say so by status.
        if status == .success, context.settings.offline, context.settings.editsSaved > 0 { return .offline }
        return status
    }
}
