import Dispatch

/// The owner of one database connection, running closures on it one at a time.
///
/// This is the only way to reach a `Database`. `read` and `write` run their closure on a
/// private serial dispatch queue and wait for it, so callers stay synchronous while the
/// connection is only ever used by one thread at a time. Do not let the `Database`, a
/// `Statement` or a `Cursor` escape the closure; return values (`Row`s, decoded records).
///
/// Calling `read` or `write` from inside a closure of the same queue would deadlock, so it
/// throws a `SQLiteError` (code `misuse`) instead.
public final class DatabaseQueue: @unchecked Sendable {
    // @unchecked: `database` is not Sendable, but it is touched only inside `dispatch.sync`
    // blocks on the serial `dispatch` queue, which is exactly the confinement it needs.
    private let database: Database
    private let dispatch: DispatchQueue
    private let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    /// The path the connection was opened with.
    public let path: String

    /// Opens (creating with mode 0600 if needed) the database at `path`; `:memory:` for a
    /// private in-memory database.
    public init(path: String, configuration: Database.Configuration = Database.Configuration()) throws {
        self.database = try Database(path: path, configuration: configuration)
        self.path = path
        self.dispatch = DispatchQueue(label: "fincore.sqlite.\(path)")
        dispatch.setSpecific(key: queueKey, value: ObjectIdentifier(self))
    }

    /// Runs `body` with the connection in read-only mode (`PRAGMA query_only`): any write
    /// inside fails with `SQLITE_READONLY`.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try serialized { db in try readOnly(db, body) }
    }

    /// Runs `body` with the connection for reading and writing. No transaction is opened
    /// for you: use `db.transaction(_:_:)` or `DatabaseQueue.transaction(_:_:)`.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try serialized(body)
    }

    /// Runs `body` in a transaction of the given kind (immediate by default, since a writer
    /// usually reads then writes): committed on return, rolled back on throw.
    public func transaction<T>(_ kind: Database.TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        try serialized { db in try db.transaction(kind, body) }
    }

    /// `read`, suspending the caller instead of blocking it while the queue is busy.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            dispatch.async {
                continuation.resume(with: Result { try self.readOnly(self.database, body) })
            }
        }
    }

    /// `write`, suspending the caller instead of blocking it while the queue is busy.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            dispatch.async {
                continuation.resume(with: Result { try body(self.database) })
            }
        }
    }

    /// Runs `body` on the queue and waits for it.
    private func serialized<T>(_ body: (Database) throws -> T) throws -> T {
        // Already on this queue: `sync` would wait for itself forever.
        guard DispatchQueue.getSpecific(key: queueKey) != ObjectIdentifier(self) else {
            throw SQLiteError.misuse("re-entrant DatabaseQueue access (read or write inside read or write)")
        }
        return try dispatch.sync { try body(database) }
    }

    /// Runs `body` with `query_only` on; must be called on the queue.
    private func readOnly<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA query_only = 1")
        let result = Result { try body(db) }
        try db.execute(sql: "PRAGMA query_only = 0")
        return try result.get()
    }
}
