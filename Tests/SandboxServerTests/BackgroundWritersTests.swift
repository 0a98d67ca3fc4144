import FincoreModel
import Foundation
@testable import SandboxServer
import SQLite
import XCTest

/// Background writers on a seeded store: versions only go up, moved clients take their loans,
/// payments and links along, deletions leave tombstones, and `stop()` is prompt.
final class BackgroundWritersTests: XCTestCase {
    func seededStore() throws -> SandboxStore {
        let store = try SandboxStore(path: nil)
        try DemoSeeder.seed(store, clients: 300, seed: 11, today: try XCTUnwrap(CivilDate(year: 2026, month: 3, day: 15)))
        return store
    }

    func versions(_ store: SandboxStore) throws -> [String: Int] {
        try store.queue.read { db in
            var result: [String: Int] = [:]
            for row in try db.fetchAll(sql: "SELECT id, version FROM objects") {
                result[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1)
            }
            return result
        }
    }

    func testTwoWritersKeepTheStoreConsistentAndStopPromptly() async throws {
        let store = try seededStore()
        let faults = FaultInjector()
        var configuration = FaultConfiguration()
        configuration.commitLagSeconds = 2
        faults.update(configuration)
        let before = try versions(store)
        let writers = BackgroundWriters(store: store, faults: faults, seed: 5)
        writers.update(count: 2)
        XCTAssertEqual(writers.running, 2)
        try await Task.sleep(nanoseconds: 1_200_000_000)
        let clock = ContinuousClock()
        let stopping = clock.now
        await writers.stop()
        XCTAssertLessThan(clock.now - stopping, .milliseconds(500))
        XCTAssertEqual(writers.running, 0)

        let after = try versions(store)
        let completed = writers.completed
        XCTAssertEqual(writers.failures, 0)
        XCTAssertGreaterThan(completed.values.reduce(0, +), 20, "\(completed)")
        XCTAssertGreaterThan(completed[.moveClient] ?? 0, 0, "\(completed)")
        XCTAssertGreaterThan(completed[.deleteClient] ?? 0, 0, "\(completed)")
        XCTAssertGreaterThan(faults.injectedCounts["commit_lag_s"] ?? 0, 0)

        var changed = 0
        for (id, version) in before {
            guard let now = after[id] else { continue }
            XCTAssertGreaterThanOrEqual(now, version, id)
            if now > version { changed += 1 }
        }
        XCTAssertGreaterThan(changed, 0)

        let deleted = Set(before.keys).subtracting(after.keys)
        XCTAssertFalse(deleted.isEmpty)
        let tombstones = try await store.queue.read { db in
            Set(try db.fetchAll(String.self, sql: "SELECT id FROM tombstones WHERE kind = 'client'"))
        }
        XCTAssertTrue(deleted.isSubset(of: tombstones), "\(deleted.subtracting(tombstones))")
        XCTAssertTrue(deleted.allSatisfy { $0.hasPrefix("cl_") })

        // Every loan, payment and link is in its client's branch and with its officer.
        let strays = try await store.queue.read { db in
            try db.fetchOne(Int.self, sql: """
                SELECT count(*) FROM objects o JOIN objects c ON c.id = o.client_id AND c.kind = 'client'
                WHERE o.kind IN ('loan', 'payment', 'payment_link')
                  AND (o.branch_id IS NOT c.branch_id OR o.officer_id IS NOT c.officer_id)
                """)
        }
        XCTAssertEqual(strays, 0)
        // The JSON agrees with the columns (every change went through tx.update).
        let mismatched = try await store.queue.read { db in
            try db.fetchOne(Int.self, sql: """
                SELECT count(*) FROM objects WHERE json_extract(doc, '$.version') IS NOT version
                  OR json_extract(doc, '$.branch_id') IS NOT branch_id OR json_extract(doc, '$.status') IS NOT status
                """)
        }
        XCTAssertEqual(mismatched, 0)

        // Nothing changes once stopped, and a stopped set of writers does not restart.
        writers.update(count: 2)
        XCTAssertEqual(writers.running, 0)
        try await Task.sleep(nanoseconds: 150_000_000)
        XCTAssertEqual(try versions(store), after)
    }

    func testUpdateScalesTheNumberOfWriters() async throws {
        let store = try seededStore()
        let writers = BackgroundWriters(store: store, faults: FaultInjector(), seed: 1)
        writers.update(count: 3)
        XCTAssertEqual(writers.running, 3)
        writers.update(count: 1)
        XCTAssertEqual(writers.running, 1)
        writers.update(count: 0)
        XCTAssertEqual(writers.running, 0)
        await writers.stop()
    }

    func testWriterChangesPublishEvents() async throws {
        let store = try seededStore()
        let received = EventBox()
        let writers = BackgroundWriters(store: store, faults: FaultInjector(), seed: 2,
                                        onCommit: { received.add($0) })
        writers.update(count: 1)
        try await Task.sleep(nanoseconds: 500_000_000)
        await writers.stop()
        XCTAssertFalse(received.types.isEmpty)
        XCTAssertTrue(received.types.isSubset(of: Set(EventType.allCases)))
    }
}

/// Events handed to `onCommit`, collected across tasks.
private final class EventBox: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<EventType> = []

    func add(_ events: [PendingEvent]) {
        lock.withLock { seen.formUnion(events.map(\.type)) }
    }

    var types: Set<EventType> { lock.withLock { seen } }
}
