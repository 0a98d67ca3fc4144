import Console
import FincoreModel
import Foundation
import Replica
import Sync

/// `fincore listen`: receives the server's webhook events in the foreground and applies them to
/// the replica at once, instead of waiting for the next pull.
enum ListenCommand {
    static let options: [OptionSpec] = [
        OptionSpec("host", value: "HOST", help: "Address to listen on (default 127.0.0.1)."),
        OptionSpec("port", value: "PORT", help: "Port to listen on; 0 takes a free port (default 0)."),
    ]

    static let subcommand = Subcommand(
        name: "listen",
        summary: "Receive webhook events and apply them to the replica at once (Ctrl-C stops it).",
        usage: """
        fincore listen [--host H] [--port P]

        The first line on stdout is 'listening on http://HOST:PORT/': register that URL with
        'fincore -c "webhook add url=http://HOST:PORT/ events=…"' (the endpoint's secret is stored
        0600 beside the replica, and only deliveries signed with a stored secret are applied).
        Needs a configured server (FINCORE_API_URL and a key). One log line per delivery on stderr:
        event id, type, object id and outcome, never field values or secrets. Pull stays the source
        of truth: keep syncing, and whatever an event missed the next 'sync' brings.
        """,
        options: options,
        run: { parsed in await run(parsed) })

    /// Events older than this are forgotten at start (see `Replica.forgetEvents`).
    static let eventMemory: Int64 = 7 * 24 * 3600 * 1_000_000

    static func run(_ parsed: ParsedArguments) async -> ExitStatus {
        let host: String, port: UInt16
        do {
            (host, port) = try address(parsed)
        } catch {
            return FincoreCommand.report(error, command: "fincore listen")
        }
        let environment = ProcessInfo.processInfo.environment
        let opened: SessionOpener.Opened
        do {
            guard try SessionOpener.configuredURL(environment: environment) != nil else {
                StandardStreams.err("fincore listen: error: no server is configured; set FINCORE_API_URL and FINCORE_API_KEY "
                    + "(in demo mode, use 'listen on' inside fincore)")
                return .refused
            }
            opened = try await SessionOpener.open(environment: environment)
        } catch {
            let failure = ErrorRenderer.failure(for: error)
            StandardStreams.err("fincore listen: error: \(failure.message)")
            return failure.status == .refused ? .failure : failure.status
        }
        let inbox = makeInbox(opened.connection, opened.replica) { decision in
            StandardStreams.err("webhook \(decision.status) \(decision.note)")
        }
        if (try? inbox.secrets.all().isEmpty) ?? true {
            StandardStreams.err("fincore listen: no webhook secret is stored for this replica: every delivery "
                + "will be refused until an endpoint is created here with 'webhook add'")
        }
        forgetOldEvents(opened.replica)
        let listener = WebhookListener(inbox: inbox)
        let url: String
        do {
            url = try await listener.start(host: host, port: port)
        } catch {
            StandardStreams.err("fincore listen: error: cannot listen on \(host):\(port): \(error)")
            return .failure
        }
        // The first line is an interface: scripts and tests read the URL from it.
        StandardStreams.out("listening on \(url)")
        _ = await SignalWaiter.wait()
        await listener.stop()
        let tally = inbox.counts
        StandardStreams.err("fincore listen: stopped (\(tally.accepted) accepted, \(tally.refused) refused)")
        return .success
    }

    /// Forgets event ids older than `eventMemory`; a failure only means the table stays larger.
    static func forgetOldEvents(_ replica: Replica) {
        _ = try? replica.forgetEvents(receivedBefore: Timestamp(
            microsecondsSinceEpoch: Timestamp.now().microsecondsSinceEpoch - eventMemory))
    }

    /// `--host` and `--port`, checked.
    static func address(_ parsed: ParsedArguments) throws(UsageError) -> (String, UInt16) {
        if let extra = parsed.positionals.first { throw .unexpectedArgument(extra) }
        let host = parsed.value("host") ?? "127.0.0.1"
        guard !host.isEmpty else { throw .invalidValue(option: "host", value: host, reason: "empty") }
        let portText = parsed.value("port") ?? "0"
        guard let port = UInt16(portText) else {
            throw .invalidValue(option: "port", value: portText, reason: "expected 0 to 65535")
        }
        return (host, port)
    }

    /// The inbox of a session's replica: its stored secrets, its scope, and `log` for each decision.
    static func makeInbox(_ connection: Connection, _ replica: Replica,
                          log: @escaping @Sendable (WebhookInbox.Decision) -> Void) -> WebhookInbox {
        let secrets = WebhookSecrets(location: ReplicaLocation(directory: connection.replicaDirectory))
        let engine = connection.api.map { SyncEngine(client: $0, replica: replica) }
        return WebhookInbox(replica: replica, secrets: secrets, scope: { try engine?.scope() ?? .all }, log: log)
    }
}
