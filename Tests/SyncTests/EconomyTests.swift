import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// Economy (issue 7): a sync that finds k changed objects costs about ⌈k/100⌉ + T list requests.
final class EconomyTests: SyncTestCase {
    /// k = 350 changed objects of 3 types: 150 clients edited, and 100 repayments, each a new
    /// payment and a changed loan.
    ///
    /// The bound: ⌈k/100⌉ pages of changes, plus one request per listed resource (T = 4: the
    /// listing ends on a page shorter than 100, or empty for an unchanged resource), plus one
    /// page per changed resource for the overlap (the lookback re-reads objects at the cursor,
    /// and a resource whose changes fill whole pages needs one more page to see the end).
    func testAnIncrementalSyncCostsAboutOnePagePerHundredChanges() async throws {
        try await startSandbox { $0.demoClients = 200 }
        let api = try makeClient()
        let engine = try makeEngine(exportThreshold: Int.max)
        let first = await engine.sync()
        XCTAssertEqual(first.outcome, .completed)
        let quiet = await engine.sync()
        XCTAssertEqual(quiet.requests, SyncResource.allCases.count, "nothing changed: one page per resource")

        let clients = try await api.listClients(ListQuery(limit: 100)).value.data.compactMap(\.object)
            + api.listClients(ListQuery(limit: 100, offset: 100)).value.data.compactMap(\.object)
        for (index, client) in clients.prefix(150).enumerated() {
            _ = try await api.updateClient(client.id, ClientPatch(address: .value("Economy Lane \(index)")))
        }
        let active = try await api.listLoans(ListQuery(limit: 100), filter: LoanFilter(status: .active))
            .value.data.compactMap(\.object)
        let repaid = Array(active.prefix(100))
        XCTAssertGreaterThanOrEqual(repaid.count, 50, "the demo has active loans to repay")
        for loan in repaid {
            _ = try await api.createRepayment(loan.id, NewRepayment(amount: 100, method: .cash)).value
        }

        let changed = [("clients", 150), ("loans", repaid.count), ("payments", repaid.count)]
        let k = changed.reduce(0) { $0 + $1.1 }
        let listed = SyncResource.allCases.count
        let bound = (k + 99) / 100 + listed + changed.count
        let summary = await engine.sync()
        XCTAssertEqual(summary.outcome, .completed)
        XCTAssertGreaterThanOrEqual(summary.pulled, k, "every change pulled")
        XCTAssertLessThanOrEqual(summary.requests, bound, "k = \(k): \(summary.requests) requests")
        try await assertSameAsServer(engine.replica, api)
    }

    /// The same bound for the first incremental sync after a first sync by export, whose
    /// cursors start at the reports' `as_of`.
    func testAfterAnExportTheFirstIncrementalSyncIsAsCheap() async throws {
        try await startSandbox { $0.demoClients = 200 }
        let api = try makeClient()
        let engine = try makeEngine(exportThreshold: 0)
        let first = await engine.sync()
        XCTAssertEqual(first.outcome, .completed)
        let clients = try await api.listClients(ListQuery(limit: 50)).value.data.compactMap(\.object)
        for (index, client) in clients.enumerated() {
            _ = try await api.updateClient(client.id, ClientPatch(address: .value("Export Lane \(index)")))
        }
        let summary = await engine.sync()
        XCTAssertEqual(summary.outcome, .completed)
        XCTAssertEqual(summary.pulled, clients.count)
        let bound = (clients.count + 99) / 100 + SyncResource.allCases.count + 1
        XCTAssertLessThanOrEqual(summary.requests, bound, "k = \(clients.count): \(summary.requests) requests")
    }
}
