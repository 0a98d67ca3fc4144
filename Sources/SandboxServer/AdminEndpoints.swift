import Foundation
import HTTP

/// The operator's `/_sandbox/` routes (not part of the contract): fault knobs, counters, and
/// expiring idempotency keys. They need `Authorization: Bearer <FINCORE_SANDBOX_ADMIN_KEY>`.
struct AdminEndpoints: Sendable {
    let store: SandboxStore
    let faults: FaultInjector
    let stats: SandboxStats
    /// Called after the fault settings change (the writers knob starts or stops writers).
    let onFaultsChanged: @Sendable (FaultConfiguration) -> Void

    func handle(_ request: HTTPRequest, adminKey: String?) async -> HTTPResponse {
        guard let adminKey else {
            return .error(status: .notFound, code: "not_found",
                          message: "The operator routes are off: set FINCORE_SANDBOX_ADMIN_KEY")
        }
        let presented = request.headers["Authorization"] ?? ""
        guard ConstantTime.equals(Array(presented.utf8), Array("Bearer \(adminKey)".utf8)) else {
            return .error(status: .unauthorized, code: "unauthorized", message: "The operator key is required")
        }
        switch (request.method, request.path) {
        case (.get, "/_sandbox/faults"):
            return json(faults.configuration.dictionary)
        case (.post, "/_sandbox/faults"):
            do {
                let updated = try faults.configuration.applying(json: request.body)
                faults.update(updated)
                onFaultsChanged(updated)
                return json(updated.dictionary)
            } catch {
                return .error(status: .badRequest, code: "invalid_request", message: error.description,
                              details: [.init(field: error.field, message: error.message)])
            }
        case (.get, "/_sandbox/stats"):
            var snapshot = stats.snapshot
            snapshot["faults_injected"] = faults.injectedCounts
            snapshot["objects"] = (try? await objectCounts()) ?? [:]
            return json(snapshot)
        case (.post, "/_sandbox/idempotency/expire"):
            // Lets tests reach the "past the key's lifetime" path: external_id must then protect creates.
            let removed = (try? await store.write(now: .now()) { tx in
                try tx.db.execute(sql: "DELETE FROM idempotency")
                return tx.db.changes
            }) ?? 0
            return json(["expired": removed])
        default:
            return .error(status: .notFound, code: "not_found", message: "No such operator route")
        }
    }

    private func objectCounts() async throws -> [String: Int] {
        try await store.read { tx in
            var counts: [String: Int] = [:]
            for row in try tx.db.fetchAll(sql: "SELECT kind, count(*) AS n FROM objects GROUP BY kind") {
                counts[try row.decode(String.self, column: "kind")] = try row.decode(Int.self, column: "n")
            }
            counts["tombstone"] = try tx.db.fetchOne(Int.self, sql: "SELECT count(*) FROM tombstones") ?? 0
            counts["webhook"] = try tx.db.fetchOne(Int.self, sql: "SELECT count(*) FROM webhooks") ?? 0
            return counts
        }
    }

    private func json(_ object: [String: Any]) -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: body)
    }
}
