import APIClient
import Console
import FincoreModel
import Foundation
import HTTP
import Replica

/// What every command works with: the replica, the server if there is one, and output settings.
///
/// Deliberately small: commands live in their own families and reach the rest of the program
/// only through this. The mutable part (format, offline) sits behind a lock because the REPL's
/// background sync and the command being typed share one context.
final class AgentContext: Sendable {
    let replica: Replica
    let connection: Connection
    let terminal: Terminal
    /// The sync engine and its background loop; nil without a server (and for scratch checks).
    let sync: SyncSession?
    /// The webhook receiver `listen on|off` starts and stops; nil for scratch checks.
    let listener: WebhookListener?
    /// The day views are computed for; injectable so tests of `due` and `cash` are exact.
    let today: @Sendable () -> CivilDate
    private let state: Locked<SessionSettings>

    init(replica: Replica, connection: Connection, terminal: Terminal, settings: SessionSettings,
         sync: SyncSession? = nil, listener: WebhookListener? = nil,
         today: @escaping @Sendable () -> CivilDate = { CivilDate(Timestamp.now()) }) {
        self.replica = replica
        self.connection = connection
        self.terminal = terminal
        self.sync = sync
        self.listener = listener
        self.today = today
        self.state = Locked(settings)
    }

    /// A copy of the current settings.
    var settings: SessionSettings { state.withLock { $0 } }

    /// Changes the settings in place.
    func update(_ change: (inout SessionSettings) -> Void) {
        state.withLock { change(&$0) }
    }

    /// The same session over another replica: the check pass of an atomic script runs against a
    /// scratch copy so that nothing it does can reach the real outbox.
    func over(_ replica: Replica) -> AgentContext {
        AgentContext(replica: replica, connection: connection, terminal: terminal, settings: settings, today: today)
    }

    /// The sync engine, or a refusal saying why this session cannot sync now.
    func syncSession(for command: String) throws -> SyncSession {
        _ = try server(for: command)
        guard let sync else {
            throw CommandFailure("cannot sync from here", status: .offline)
        }
        return sync
    }

    /// Starts or stops the background loop to match the settings: it runs only in the REPL,
    /// with `sync auto on` and not `offline on` (which means no network traffic at all).
    func applyBackgroundSync() async {
        guard let sync else { return }
        let wanted = settings
        if wanted.interactive, wanted.autoSync, !wanted.offline, connection.api != nil {
            await sync.auto.start()
        } else {
            await sync.auto.stop()
        }
    }

    /// The server client, or a refusal saying why this command cannot reach the server now.
    func server(for command: String) throws -> APIClient {
        guard let api = connection.api else {
            throw CommandFailure("needs the server, and no server is configured", hint: "set FINCORE_API_URL and FINCORE_API_KEY (see 'fincore --help')",
                                 status: .offline)
        }
        if settings.offline {
            throw CommandFailure("needs the server, and this session is offline", hint: "run 'offline off' to go back online",
                                 status: .offline)
        }
        return api
    }

    // MARK: output

    /// Writes rows in the session's format, fitted to the terminal width.
    func show(_ table: OutputTable, _ invocation: CommandInvocation) {
        invocation.write(settings.format.render(table, width: width))
    }

    /// Tables fit a terminal; into a pipe or file nothing is cut (an id cut with `…` is useless to a script).
    private var width: Int { terminal.isOutputTerminal ? terminal.width : Int.max / 4 }

    /// Writes one record (`key: value` lines in table mode).
    func show(record: [(String, String?)], _ invocation: CommandInvocation) {
        invocation.write(settings.format.render(record: record, width: width))
    }

    /// Says what an edit did and that it waits in the outbox: `saved offline, 3 pending`.
    ///
    /// In table mode the note is part of the output; in csv/json/ndjson stdout stays
    /// machine-readable, so the object is printed and the note goes to stderr.
    func saved(_ what: String, id: String, _ invocation: CommandInvocation) throws -> CommandOutcome {
        update { $0.editsSaved += 1 }
        // Background sync (when on) pushes the edit soon; it returns at once and never blocks.
        if !settings.offline { sync?.auto.noteEdit() }
        let pending = try replica.outbox.unpushedCount()
        done("\(what) \(id): saved offline, \(pending) pending",
             [("id", id), ("saved", what), ("pending", String(pending))], invocation)
        return .success
    }

    /// Says what a command did: the sentence in table mode; in csv/json/ndjson the same facts as a
    /// record on stdout (so `--format json` output stays machine-readable) and the sentence on stderr.
    func done(_ note: String, _ record: [(String, String?)], _ invocation: CommandInvocation) {
        if settings.format == .table {
            invocation.write(note)
        } else {
            show(record: record, invocation)
            if !invocation.dryRun { StandardStreams.err(note) }
        }
    }
}
