import FincoreModel
import Foundation
import SQLite

/// The sandbox's data: every object, tombstone, idempotency record, webhook and report, on the
/// project's SQLite layer. In memory by default; on a file with `--data` so a restart keeps it all.
///
/// All writes go through one serial connection (the `DatabaseQueue`), so each request's change and
/// its idempotency record commit together or not at all.
final class SandboxStore: Sendable {
    let queue: DatabaseQueue

    init(path: String?) throws {
        // The server can resend nothing the client did not already see, but a --data file must
        // survive a kill -9 of the server in torture runs: FULL costs little at sandbox scale.
        queue = try DatabaseQueue(path: path ?? ":memory:",
                                  configuration: Database.Configuration(synchronous: .full))
        try SandboxSchema.migrator.migrate(queue)
    }

    /// Runs `body` in one immediate transaction; the change commits only if it returns.
    func write<T: Sendable>(now: Timestamp, lagMicroseconds: Int64 = 0,
                            _ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await queue.write { db in
            try db.transaction(.immediate) {
                try body(StoreTransaction(db: $0, now: now, lagMicroseconds: lagMicroseconds))
            }
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot for multi-query answers).
    func read<T: Sendable>(now: Timestamp = .now(),
                           _ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await queue.write { db in
            try db.transaction(.deferred) {
                try body(StoreTransaction(db: $0, now: now, lagMicroseconds: 0))
            }
        }
    }
}
