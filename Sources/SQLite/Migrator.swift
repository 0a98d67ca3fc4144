/// An ordered list of named schema migrations, applied once each and recorded in the database.
///
/// Register migrations in the order they must run; never rename or reorder one that has
/// shipped, only append. Applied names are recorded in the `schema_migrations` table, so
/// re-running `migrate` applies only the new ones.
///
///     var migrator = Migrator()
///     migrator.registerMigration("v1-create-clients") { db in
///         try db.execute(sql: "CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
///     }
///     try migrator.migrate(queue)
public struct Migrator: Sendable {
    /// One named step of the schema's history.
    public struct Migration: Sendable {
        public let name: String
        let migrate: @Sendable (Database) throws -> Void
    }

    /// The table recording applied migrations, one row per name, in the order applied.
    public static let tableName = "schema_migrations"

    /// The registered migrations, in order.
    public private(set) var migrations: [Migration] = []

    public init() {}

    /// Appends a migration; it will run after every one registered before it.
    public mutating func registerMigration(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        migrations.append(Migration(name: name, migrate: migrate))
    }

    /// Applies every pending migration, each in its own immediate transaction.
    ///
    /// Throws `MigrationError.schemaTooNew` before touching anything when the database
    /// records a migration this list does not contain.
    public func migrate(_ db: Database) throws {
        try validateNames()
        guard !db.isInTransaction else { throw MigrationError.insideTransaction }
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(Self.tableName) (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """)
        try refuseUnknown(applied: appliedMigrations(db))
        for migration in migrations {
            try db.transaction(.immediate) { db in
                // Re-checked under the write lock: another process may have applied it meanwhile.
                let recorded = try db.fetchOne(
                    Int64.self, sql: "SELECT count(*) FROM \(Self.tableName) WHERE name = ?",
                    arguments: [migration.name])
                guard recorded == 0 else { return }
                do {
                    try migration.migrate(db)
                } catch {
                    throw MigrationError.failed(name: migration.name, underlying: error)
                }
                try db.execute(sql: "INSERT INTO \(Self.tableName) (name) VALUES (?)", arguments: [migration.name])
            }
        }
    }

    /// Applies pending migrations through the queue's writer.
    public func migrate(_ queue: DatabaseQueue) throws {
        try queue.write { db in try migrate(db) }
    }

    /// The names recorded as applied, in the order they were applied.
    public func appliedMigrations(_ db: Database) throws -> [String] {
        let exists = try db.fetchOne(
            Int64.self, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            arguments: [Self.tableName])
        guard exists == 1 else { return [] }
        return try db.fetchAll(String.self, sql: "SELECT name FROM \(Self.tableName) ORDER BY rowid")
    }

    /// The registered names not yet applied, in the order they would run.
    ///
    /// Throws `MigrationError.schemaTooNew` for a database newer than this list, since
    /// "nothing pending" would be the wrong answer there.
    public func pendingMigrations(_ db: Database) throws -> [String] {
        try validateNames()
        let applied = try appliedMigrations(db)
        try refuseUnknown(applied: applied)
        let appliedSet = Set(applied)
        return migrations.map(\.name).filter { !appliedSet.contains($0) }
    }

    /// Whether `migrate` would apply anything.
    public func hasPendingMigrations(_ db: Database) throws -> Bool {
        try !pendingMigrations(db).isEmpty
    }

    private func validateNames() throws {
        var seen: Set<String> = []
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw MigrationError.duplicateName(migration.name)
        }
    }

    private func refuseUnknown(applied: [String]) throws {
        let known = Set(migrations.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw MigrationError.schemaTooNew(unknown: unknown) }
    }
}
