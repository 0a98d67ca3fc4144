import APIClient
import Console
import FincoreModel
import Foundation
import Replica

/// `webhook …`: the server's webhook endpoints. Not synced, so online only.
enum WebhookCommands {
    static let webhook = ArgumentSpec("WEBHOOK", .webhookID)
    static let events = EventType.allCases.map(\.rawValue)
    static let fields = [FieldSpec("url", help: "where deliveries are POSTed"),
                         FieldSpec("events", help: "comma-separated: " + events.joined(separator: ",")),
                         FieldSpec("status", .oneOf(WebhookStatus.allCases.map(\.rawValue)))]

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("webhook list", summary: "List webhook endpoints (online).", needsServer: true)) { inv, ctx in
            let api = try ctx.server(for: inv.spec.name)
            if inv.dryRun { return .success }
            ctx.show(rows(try await api.listWebhooks(limit: 100).value.data), inv)
            return .success
        }
        table.register(CommandSpec("webhook show", summary: "Show one webhook endpoint (online).", arguments: [webhook],
                                   needsServer: true)) { inv, ctx in
            let id = try webhookID(inv)
            let api = try ctx.server(for: inv.spec.name)
            if inv.dryRun { return .success }
            ctx.show(record: record(try await api.webhook(id).value), inv)
            return .success
        }
        table.register(CommandSpec("webhook add",
                                   summary: "Add an endpoint; its signing secret is shown once and kept 0600 for 'listen' (online).",
                                   fields: [FieldSpec("url", required: true), FieldSpec("events", required: true, help: fields[1].help)],
                                   examples: ["webhook add url=https://example.com/hook events=loan.updated"], needsServer: true)) { inv, ctx in
            let body = try RequestBuilder.body(NewWebhook.self, [], spec: inv.spec, currency: nil, extra: json(inv))
            let api = try ctx.server(for: inv.spec.name)
            if inv.dryRun { return .success }
            let created = try await api.createWebhook(body).value
            ctx.show(record: record(created), inv)
            if let secret = created.secret {
                // The contract shows the secret only in this answer: keep it for `listen`, and show it
                // this once for anyone who verifies deliveries elsewhere.
                StandardStreams.err("signing secret (shown once): \(secret)")
                let store = secrets(ctx)
                do {
                    try store.store(secret, for: created.id.rawValue)
                    StandardStreams.err("stored (mode 0600) for 'listen' in \(store.path)")
                } catch {
                    StandardStreams.err("warning: the secret could not be stored (\(ErrorRenderer.failure(for: error).message)); "
                        + "'listen' will refuse this endpoint's deliveries")
                }
            }
            return .success
        }
        table.register(CommandSpec("webhook edit", summary: "Change an endpoint's url, events or status (online).",
                                   arguments: [webhook], fields: fields, needsServer: true)) { inv, ctx in
            let id = try webhookID(inv)
            let patch = try RequestBuilder.body(WebhookPatch.self, [], spec: inv.spec, currency: nil, extra: json(inv))
            let api = try ctx.server(for: inv.spec.name)
            if inv.dryRun { return .success }
            ctx.show(record: record(try await api.updateWebhook(id, patch).value), inv)
            return .success
        }
        table.register(CommandSpec("webhook delete", summary: "Delete an endpoint and forget its stored secret (online).",
                                   arguments: [webhook],
                                   needsServer: true)) { inv, ctx in
            let id = try webhookID(inv)
            let api = try ctx.server(for: inv.spec.name)
            if inv.dryRun { return .success }
            _ = try await api.deleteWebhook(id)
            try secrets(ctx).remove(id.rawValue)
            ctx.done("webhook \(id.rawValue) deleted", [("id", id.rawValue), ("deleted", "server")], inv)
            return .success
        }
    }

    /// The signing secrets kept beside this session's replica (never printed after `add`).
    static func secrets(_ ctx: AgentContext) -> WebhookSecrets {
        WebhookSecrets(location: ReplicaLocation(directory: ctx.connection.replicaDirectory))
    }

    /// The fields as JSON, `events` split at commas into an array.
    private static func json(_ inv: CommandInvocation) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for field in inv.arguments.fields {
            members[field.key] = field.key == "events"
                ? .array(field.value.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
                : .string(field.value)
        }
        return members
    }

    private static func webhookID(_ inv: CommandInvocation) throws -> WebhookID {
        let text = inv.arguments.positionals[0]
        guard let id = WebhookID(text) else { throw CommandFailure("'\(text)' is not a webhook id (wh_…)") }
        return id
    }

    private static func rows(_ hooks: [Webhook]) -> OutputTable {
        OutputTable(columns: [OutputColumn("id"), OutputColumn("status"), OutputColumn("url"), OutputColumn("events")],
                    rows: hooks.map { [$0.id.rawValue, $0.status.rawValue, $0.url, $0.events.map(\.rawValue).joined(separator: ",")] })
    }

    private static func record(_ hook: Webhook) -> [(String, String?)] {
        [("id", hook.id.rawValue), ("url", hook.url), ("events", hook.events.map(\.rawValue).joined(separator: ",")),
         ("status", hook.status.rawValue), ("version", String(hook.version))]
    }
}
