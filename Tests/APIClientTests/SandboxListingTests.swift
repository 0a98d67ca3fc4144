import APIClient
import FincoreModel
import XCTest

/// Incremental listing against the sandbox (§ Incremental listing): order, `updated_since`,
/// tombstones and `meta` through the page sequence, and the filters.
final class SandboxListingTests: XCTestCase {
    func testChangesSinceThroughPagesWithTombstones() async throws {
        let sandbox = try await SandboxFixture()
        var clients: [Client] = []
        for index in 0..<5 { clients.append(try await sandbox.makeBorrower("C\(index)")) }
        let since = clients[2].updatedAt
        let edited = try await sandbox.api.updateClient(clients[1].id, ClientPatch(address: .value("Nakuru"))).value
        _ = try await sandbox.api.deleteClient(clients[3].id)

        var pages: [APIResponse<ListPage<Listed<Client>>>] = []
        for try await page in sandbox.api.clientPages(ListQuery.changes(since: since, limit: 2)) { pages.append(page) }
        let items = pages.flatMap(\.value.data)
        // (updated_at, id) order: C2 and C4 untouched since, then the edit of C1, then C3's deletion.
        XCTAssertEqual(items.map(Self.id), [clients[2].id.rawValue, clients[4].id.rawValue, clients[1].id.rawValue,
                                         clients[3].id.rawValue])
        XCTAssertEqual(items.last?.tombstone?.object, .client)
        XCTAssertEqual(items[2].object?.version, edited.version)
        XCTAssertEqual(pages.map(\.value.meta), [ListPage<Listed<Client>>.Meta(total: 4, limit: 2, offset: 0),
                                                 ListPage<Listed<Client>>.Meta(total: 4, limit: 2, offset: 2)])
        let updatedAts = items.compactMap(Self.updatedAt)
        XCTAssertEqual(updatedAts.count, 4)
        XCTAssertEqual(updatedAts, updatedAts.sorted())

        let withoutTombstones = try await sandbox.api.listClients(ListQuery(sortByUpdatedAt: true, updatedSince: since))
        XCTAssertEqual(withoutTombstones.value.data.compactMap(\.object?.id), [clients[2].id, clients[4].id, clients[1].id])
        let created = try await sandbox.api.listClients()
        XCTAssertEqual(created.value.data.compactMap(\.object?.id), [0, 1, 2, 4].map { clients[$0].id },
                       "creation order without sort; no tombstones without updated_since")
        await sandbox.stop()
    }

    func testFiltersAndLimitClamp() async throws {
        let sandbox = try await SandboxFixture()
        let north = try await sandbox.makeBorrower("North", branch: "br_north", verified: true)
        let south = try await sandbox.makeBorrower("South", branch: "br_south", verified: true)
        _ = try await sandbox.api.updateClient(south.id, ClientPatch(status: .inactive))
        let northLoan = try await sandbox.makeActiveLoan(borrower: north)
        _ = try await sandbox.makeApplication(for: south)

        let inNorth = try await sandbox.api.listClients(filter: ClientFilter(branchID: "br_north"))
        XCTAssertEqual(inNorth.value.data.compactMap(\.object?.id), [north.id])
        let inactive = try await sandbox.api.listClients(filter: ClientFilter(status: .inactive))
        XCTAssertEqual(inactive.value.data.compactMap(\.object?.id), [south.id])
        let active = try await sandbox.api.listLoans(filter: LoanFilter(status: .active, branchID: "br_north"))
        XCTAssertEqual(active.value.data.compactMap(\.object?.id), [northLoan.id])
        let southPayments = try await sandbox.api.listPayments(filter: PaymentFilter(branchID: "br_south"))
        XCTAssertEqual(southPayments.value.meta.total, 0)
        let disbursed = try await sandbox.api.listPayments(filter: PaymentFilter(clientID: north.id, type: .disbursement))
        XCTAssertEqual(disbursed.value.data.compactMap(\.object?.loanID), [northLoan.id])

        let clamped = try await sandbox.api.listClients(ListQuery(limit: 500))
        XCTAssertEqual(clamped.value.meta, ListPage<Listed<Client>>.Meta(total: 2, limit: 100, offset: 0))
        await sandbox.stop()
    }

    /// The id of an item, object or tombstone.
    private static func id(_ item: Listed<Client>) -> String {
        item.object?.id.rawValue ?? item.tombstone?.id ?? ""
    }

    /// The `updated_at` of an item, object or tombstone.
    private static func updatedAt(_ item: Listed<Client>) -> Timestamp? {
        item.object?.updatedAt ?? item.tombstone?.updatedAt
    }
}
