import FincoreModel
import SQLite

/// Seeds `--demo N` clients with loans, payments and payment links, deterministically for a seed.
///
/// Determinism: every id and choice comes from `SeededRandom(seed:)` in a fixed order, and every
/// instant is placed relative to an anchor, the UTC midnight starting the day the server starts
/// (`DemoClock`). So the same seed gives byte-identical data on a given day, while due dates,
/// arrears and portfolio at risk stay current whenever the demo is run. Nothing seeded is at or
/// after the anchor, so no `updated_at` is ever in the server's future.
///
/// Speed: all rows go in one transaction through one prepared statement, with documents written
/// by `DocumentWriter` instead of `JSONEncoder`. The secondary indexes of `objects` are dropped
/// and rebuilt around the load (SQLite builds an index from sorted keys much faster than it
/// inserts keys one at a time in random order); their SQL is read back from `sqlite_master`, so
/// the schema stays `SandboxSchema`'s alone.
enum DemoSeeder {
    /// Seeds with today's UTC date as the anchor. A store that already holds objects (a `--data`
    /// file seeded by an earlier run) is left alone: the same seed would give the same ids.
    static func seed(_ store: SandboxStore, clients: Int, seed: UInt64) throws {
        try self.seed(store, clients: clients, seed: seed, today: CivilDate(Timestamp.now()))
    }

    /// Seeds as if `today` were the current UTC date. Returns the number of rows written.
    @discardableResult
    static func seed(_ store: SandboxStore, clients: Int, seed: UInt64, today: CivilDate) throws -> Int {
        guard clients > 0 else { return 0 }
        return try store.queue.write { db in
            guard try db.fetchOne(Int.self, sql: "SELECT EXISTS (SELECT 1 FROM objects)") == 0 else { return 0 }
            return try db.transaction(.immediate) { db in
                let indexes = try db.fetchAll(String.self, sql: """
                    SELECT sql FROM sqlite_master
                    WHERE type = 'index' AND tbl_name = 'objects' AND sql IS NOT NULL ORDER BY name
                    """)
                let names = try db.fetchAll(String.self, sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'index' AND tbl_name = 'objects' AND sql IS NOT NULL ORDER BY name
                    """)
                for name in names { try db.execute(sql: "DROP INDEX \"\(name)\"") }
                let writer = try DemoRowWriter(db)
                let clock = DemoClock(today: today)
                var rng = SeededRandom(seed: seed)
                for index in 0..<clients {
                    try writer.write(try DemoPortfolio.make(index: index, clock: clock, using: &rng))
                }
                for sql in indexes { try db.execute(sql: sql) }
                return writer.count
            }
        }
    }
}
