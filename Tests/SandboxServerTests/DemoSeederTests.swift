import FincoreModel
import Foundation
@testable import SandboxServer
import SQLite
import XCTest

/// Demo data: deterministic for a seed and a day, every state present, every disbursed loan
/// exactly the contract's schedule math for its payments, documents byte-identical to `FincoreJSON`.
final class DemoSeederTests: XCTestCase {
    static let today = CivilDate(year: 2026, month: 3, day: 15)

    func seeded(_ clients: Int, seed: UInt64 = 7) throws -> SandboxStore {
        let store = try SandboxStore(path: nil)
        try DemoSeeder.seed(store, clients: clients, seed: seed, today: try XCTUnwrap(Self.today))
        return store
    }

    func rows(_ store: SandboxStore) throws -> [[SQLiteValue]] {
        try store.queue.read { db in try db.fetchAll(sql: "SELECT * FROM objects ORDER BY id").map(\.values) }
    }

    func docs<T: Decodable>(_ type: T.Type, kind: ObjectType, _ store: SandboxStore) throws -> [T] {
        let data = try store.queue.read { db in
            try db.fetchAll(Data.self, sql: "SELECT doc FROM objects WHERE kind = ? ORDER BY id", arguments: [kind.rawValue])
        }
        return try data.map { try FincoreJSON.decoder().decode(type, from: $0) }
    }

    func testSameSeedGivesIdenticalRowsAndAnotherSeedDiffers() throws {
        let first = try rows(try seeded(300))
        let second = try rows(try seeded(300))
        XCTAssertGreaterThan(first.count, 3000)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, try rows(try seeded(300, seed: 8)))
    }

    func testEveryStateIsPresent() throws {
        let store = try seeded(300)
        let clients = try docs(Client.self, kind: .client, store)
        let loans = try docs(Loan.self, kind: .loan, store)
        let payments = try docs(Payment.self, kind: .payment, store)
        let links = try docs(PaymentLink.self, kind: .paymentLink, store)
        XCTAssertEqual(clients.count, 300)
        XCTAssertEqual(Set(clients.map(\.kyc.status)), Set(KYCStatus.allCases))
        XCTAssertEqual(Set(loans.map(\.status)), Set(LoanStatus.allCases))
        XCTAssertEqual(Set(payments.map(\.status)), Set(PaymentStatus.allCases))
        XCTAssertEqual(Set(payments.map(\.type)), Set(PaymentType.allCases))
        XCTAssertEqual(Set(payments.map(\.method)), Set(PaymentMethod.allCases))
        XCTAssertEqual(Set(links.map(\.status)), Set(LinkStatus.allCases))
        XCTAssertEqual(Set(loans.map(\.currency.code)), ["KES", "UGX"])
        XCTAssertEqual(Set(clients.compactMap(\.branchID)).count, DemoBranch.all.count)
        XCTAssertTrue(clients.contains { $0.firstName.unicodeScalars.contains { !$0.isASCII } })
        XCTAssertTrue(clients.allSatisfy { $0.phone.map { $0.hasPrefix("+2547") || $0.hasPrefix("+2567") } ?? true })
        XCTAssertTrue(clients.contains { $0.email != nil } && clients.contains { $0.address != nil })
        XCTAssertTrue(payments.filter { $0.status == .failed }.allSatisfy { $0.failureReason != nil })
        XCTAssertTrue(payments.filter { $0.status == .pending }.allSatisfy { $0.method != .cash })
        for client in clients where client.kyc.status == .verified {
            XCTAssertNotNil(client.kyc.idType)
            XCTAssertNotNil(client.kyc.idNumber)
            XCTAssertNotNil(client.kyc.verifiedAt)
        }
        XCTAssertTrue(clients.filter { $0.kyc.status == .rejected }.allSatisfy { $0.kyc.rejectionReason != nil })
        // Due and overdue lists have content today: instalments due in the past unpaid, and ahead.
        let today = try XCTUnwrap(Self.today)
        let active = loans.filter { $0.status == .active }
        XCTAssertTrue(active.contains { $0.schedule.contains { $0.dueDate < today && !$0.isPaid } })
        XCTAssertTrue(active.contains { $0.schedule.contains { $0.dueDate >= today && $0.dueDate < today.adding(days: 7) } })
        // About 3 loans and 10 payments per client.
        XCTAssertEqual(Double(loans.count) / 300, 3, accuracy: 0.5)
        XCTAssertEqual(Double(payments.count) / 300, 10, accuracy: 3)
    }

    func testDisbursedLoansFollowTheScheduleMathAndTheirPayments() throws {
        let store = try seeded(300)
        let limit = try XCTUnwrap(Self.today).startOfDay
        let clients = Dictionary(uniqueKeysWithValues: try docs(Client.self, kind: .client, store).map { ($0.id, $0) })
        let payments = Dictionary(grouping: try docs(Payment.self, kind: .payment, store), by: \.loanID)
        for loan in try docs(Loan.self, kind: .loan, store) {
            let client = try XCTUnwrap(clients[loan.clientID])
            XCTAssertEqual(loan.branchID, client.branchID)
            XCTAssertEqual(loan.officerID, client.officerID)
            XCTAssertLessThan(loan.updatedAt, limit)
            XCTAssertGreaterThan(loan.createdAt, client.createdAt)
            if let approvedAt = loan.approvedAt {
                XCTAssertLessThan(try XCTUnwrap(client.kyc.verifiedAt), approvedAt, "approval needs verified KYC")
            }
            let own = payments[loan.id] ?? []
            for payment in own {
                XCTAssertEqual(payment.branchID, client.branchID)
                XCTAssertEqual(payment.currency, loan.currency)
                XCTAssertLessThan(payment.updatedAt, limit)
            }
            guard let disbursedAt = loan.disbursedAt else {
                XCTAssertEqual(loan.balance, 0)
                XCTAssertTrue(loan.schedule.isEmpty && own.isEmpty)
                continue
            }
            var fresh = loan
            fresh.status = .approved
            fresh.schedule = []
            fresh = try fresh.disbursed(at: disbursedAt)
            let disbursements = own.filter { $0.type == .disbursement }
            XCTAssertEqual(disbursements.map(\.amount), [loan.principal])
            XCTAssertEqual(disbursements.map(\.status), [.succeeded])
            let paid = own.filter { $0.type == .repayment && $0.status == .succeeded }.reduce(0) { $0 + $1.amount }
            let expected = paid > 0 ? try LoanSchedule.allocate(paid, to: fresh.schedule) : fresh.schedule
            XCTAssertEqual(loan.schedule, expected, loan.id.rawValue)
            XCTAssertEqual(loan.balance, fresh.balance - paid, loan.id.rawValue)
            XCTAssertEqual(loan.status == .closed, loan.balance == 0)
            XCTAssertEqual(loan.closedAt != nil, loan.status == .closed)
            let pending = own.filter { $0.status == .pending }.reduce(0) { $0 + $1.amount }
            XCTAssertLessThanOrEqual(pending, loan.balance)
            if pending > 0 { XCTAssertEqual(loan.status, .active) }
        }
    }

    func testDocumentWriterMatchesFincoreJSONForEveryType() throws {
        let store = try seeded(200)
        let docs = try store.queue.read { db in
            try db.fetchAll(sql: "SELECT kind, doc FROM objects ORDER BY id")
        }
        let encoder = FincoreJSON.encoder()
        let decoder = FincoreJSON.decoder()
        var kinds: Set<String> = []
        for row in docs {
            let kind: String = try row.decode(String.self, at: 0)
            let stored: Data = try row.decode(Data.self, at: 1)
            kinds.insert(kind)
            let object = try decoder.decode(SyncedObject.self, from: stored)
            XCTAssertEqual(String(decoding: try encoder.encode(object), as: UTF8.self),
                           String(decoding: stored, as: UTF8.self))
        }
        XCTAssertEqual(kinds, ["client", "loan", "payment", "payment_link"])
    }

    func testDocumentWriterEscapesLikeFoundation() throws {
        let at = Timestamp(microsecondsSinceEpoch: 1_773_532_800_000_001)
        let tricky = "Quote \" back\\slash /path\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} Wanjikū 😀"
        var client = Client(id: try XCTUnwrap(ClientID("cl_x")), createdAt: at, updatedAt: at,
                            firstName: tricky, lastName: "")
        client.kyc = KYC(status: .rejected, idType: .passport, idNumber: "A1", rejectionReason: tricky)
        var writer = DocumentWriter()
        writer.write(client)
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self),
                       String(decoding: try FincoreJSON.encode(client), as: UTF8.self))
        for micros: Int64 in [0, 59_999_999, 253_402_300_799_999_999, 951_782_400_000_000] {
            var w = DocumentWriter()
            w.timestamp(Timestamp(microsecondsSinceEpoch: micros))
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "\"\(Timestamp(microsecondsSinceEpoch: micros))\"")
        }
    }

    func testRowsMatchWhatStoreTransactionInsertWrites() async throws {
        let store = try seeded(40)
        let original = try rows(store)
        let copy = try SandboxStore(path: nil)
        let docs = try await store.queue.read { db in try db.fetchAll(Data.self, sql: "SELECT doc FROM objects ORDER BY id") }
        try await copy.write(now: .now()) { tx in
            for doc in docs {
                switch try tx.decode(SyncedObject.self, from: doc) {
                case .client(let x): _ = try tx.insert(x)
                case .loan(let x): _ = try tx.insert(x)
                case .payment(let x): _ = try tx.insert(x)
                case .paymentLink(let x): _ = try tx.insert(x)
                default: XCTFail("unexpected object")
                }
            }
        }
        XCTAssertEqual(try rows(copy), original)
    }

    func testFiveThousandClientsSeedAndAFilledStoreIsLeftAlone() throws {
        let store = try seeded(5000)
        let count = try store.queue.read { db in try db.fetchOne(Int.self, sql: "SELECT count(*) FROM objects") }
        XCTAssertGreaterThan(try XCTUnwrap(count), 50_000)
        XCTAssertEqual(try DemoSeeder.seed(store, clients: 10, seed: 9, today: try XCTUnwrap(Self.today)), 0)
        let integrity = try store.queue.read { db in try db.fetchAll(String.self, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(integrity, ["ok"])
    }
}
