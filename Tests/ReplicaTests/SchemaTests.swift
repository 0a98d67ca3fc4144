import FincoreModel
import SQLite
import XCTest
@testable import Replica

/// The schema: migrations applied once, and a file from newer code refused clearly.
final class SchemaTests: ReplicaTestCase {
    func testMigrationsAreAppliedOnceInOrder() throws {
        XCTAssertEqual(try replica.appliedMigrations(),
                       ["v1-server-state", "v1-outbox", "v1-sync-state", "v2-webhook-events", "v3-portfolio-index",
                        "v4-oldest-unpaid"])
        let path = replica.path
        replica = nil
        let reopened = try Replica(path: path)
        XCTAssertEqual(try reopened.appliedMigrations().count, 6)
    }

    /// A saved edit must survive power loss (issue 6): every commit is fsynced, `synchronous` = FULL (2).
    func testReplicaOpensWithSynchronousFull() throws {
        let level = try replica.read { db in try db.fetchOne(Int.self, sql: "PRAGMA synchronous") }
        XCTAssertEqual(level, 2)
    }

    func testSchemaNewerThanTheCodeIsRefused() throws {
        try replica.read { _ in }
        let path = replica.path
        try replica.queue.write { db in
            try db.execute(sql: "INSERT INTO schema_migrations (name) VALUES ('v9-from-the-future')")
        }
        replica = nil
        let error = refusal { try Replica(path: path) }
        XCTAssertEqual(error?.code, .schemaTooNew)
        XCTAssertEqual(error?.message, "the replica at \(path) was written by a newer version of fincore "
            + "(unknown schema migration v9-from-the-future); upgrade fincore, or wipe this replica and sync again")
    }

    func testThePortfolioSummaryReadsOnlyItsCoveringIndex() throws {
        let plan = try replica.read { db in
            try db.fetchAll(sql: """
                EXPLAIN QUERY PLAN SELECT l.status, l.currency, count(*), sum(l.principal), sum(l.balance)
                FROM loans l WHERE (?1 IS NULL OR l.branch_id = ?1) AND (?2 IS NULL OR l.officer_id = ?2)
                GROUP BY l.status, l.currency
                """, arguments: [nil as String?, nil as String?]).map { try $0.decode(String.self, column: "detail") }
        }
        XCTAssertTrue(plan.contains { $0.contains("COVERING INDEX loans_portfolio") }, plan.joined(separator: "\n"))
    }

    /// A replica written before v4 gets each loan's oldest unpaid due date from its instalments.
    func testOldestUnpaidDueIsFilledInForLoansSyncedBeforeIt() throws {
        try replica.apply(batch: [.client(Fixture.client(1)), .loan(try Fixture.activeLoan(1, client: 1)),
                                  .loan(Fixture.pendingLoan(2, client: 1))])
        let path = replica.path
        try replica.queue.write { db in
            try db.execute(sql: """
                DROP INDEX loans_at_risk; ALTER TABLE loans DROP COLUMN oldest_unpaid_due;
                DELETE FROM schema_migrations WHERE name = 'v4-oldest-unpaid'
                """)
        }
        replica = nil
        replica = try Replica(path: path)
        let dates = try replica.read { db in
            try db.fetchAll(sql: "SELECT oldest_unpaid_due FROM loans ORDER BY id").map {
                try $0.decode(String?.self, column: "oldest_unpaid_due")
            }
        }
        XCTAssertEqual(dates, ["2026-07-15", nil], "the active loan's first instalment; a pending loan has none")
    }

    func testPortfolioAtRiskReadsOnlyTheLateLoans() throws {
        let plan = try replica.read { db in
            try db.fetchAll(sql: """
                EXPLAIN QUERY PLAN SELECT l.currency, sum(l.balance) FROM loans l
                WHERE l.status = 'active' AND l.oldest_unpaid_due < '2026-01-01' GROUP BY l.currency
                """).map { try $0.decode(String.self, column: "detail") }
        }
        XCTAssertTrue(plan.contains { $0.contains("COVERING INDEX loans_at_risk") }, plan.joined(separator: "\n"))
    }

    func testSearchQueriesUseTheirIndexes() throws {
        let plan = try replica.read { db in
            try db.fetchAll(sql: """
                EXPLAIN QUERY PLAN SELECT i.loan_id FROM instalments i CROSS JOIN loans l ON l.id = i.loan_id
                WHERE i.due_date BETWEEN '2026-01-01' AND '2026-01-01' AND i.paid < i.amount_due AND l.status = 'active'
                """).map { try $0.decode(String.self, column: "detail") }
        }
        XCTAssertTrue(plan.contains { $0.contains("instalments_unpaid_due") }, plan.joined(separator: "\n"))
    }
}
