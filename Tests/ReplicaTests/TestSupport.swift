import FincoreModel
import Foundation
import SQLite
import XCTest
@testable import Replica

/// A test case with a fresh temporary directory and a replica in it, on a fixed clock.
class ReplicaTestCase: XCTestCase {
    private(set) var directory: URL!
    var replica: Replica!

    static let now = Timestamp("2026-11-24T09:15:02.123456Z") ?? Timestamp(microsecondsSinceEpoch: 0)
    static let today = CivilDate(now)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("replica-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        replica = try Replica(path: path("replica.sqlite"), clock: { ReplicaTestCase.now })
    }

    override func tearDown() {
        replica = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
        directory = nil
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every table's row count, and the total length of the stored JSON: equal before and after
    /// means nothing was written.
    func snapshot() throws -> [String: Int] {
        try replica.read { db in
            var counts: [String: Int] = [:]
            for table in ["clients", "loans", "instalments", "payments", "payment_links", "id_aliases", "outbox",
                          "outbox_dependencies", "record_history", "sync_cursors", "sync_journal"] {
                counts[table] = try db.fetchOne(Int.self, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
            for table in ["clients", "loans", "payments"] {
                counts[table + ".json"] = try db.fetchOne(Int.self, sql: "SELECT coalesce(sum(length(view_json)), 0) FROM \(table)")
            }
            counts["outbox.body"] = try db.fetchOne(Int.self, sql: "SELECT coalesce(sum(length(body)), 0) FROM outbox")
            return counts
        }
    }
}

/// Small fixtures of server objects.
enum Fixture {
    static let t0 = Timestamp("2026-10-01T08:00:00.000000Z") ?? Timestamp(microsecondsSinceEpoch: 0)

    static func clientID(_ n: Int) -> ClientID { ClientID("cl_test\(n)") ?? ClientID.generate() }
    static func loanID(_ n: Int) -> LoanID { LoanID("ln_test\(n)") ?? LoanID.generate() }
    static func paymentID(_ n: Int) -> PaymentID { PaymentID("py_test\(n)") ?? PaymentID.generate() }

    static func client(
        _ n: Int, version: Int = 1, first: String = "Amina", last: String = "Otieno", phone: String? = "+254712345678",
        kyc: KYCStatus = .pending, idNumber: String? = "ID-29981234", branch: String = "br_nairobi",
        officer: String = "of_kamau"
    ) -> Client {
        Client(
            id: clientID(n), createdAt: t0, updatedAt: t0.adding(seconds: Int64(version)), version: version,
            firstName: first, lastName: last, phone: phone, dateOfBirth: CivilDate(year: 1990, month: 4, day: 12),
            address: "Kibera Drive 12", branchID: branch, officerID: officer,
            kyc: KYC(status: kyc, idType: idNumber == nil ? nil : .nationalID, idNumber: idNumber,
                     verifiedAt: kyc == .verified ? t0 : nil))
    }

    /// An active loan disbursed on `disbursedOn`, 12 months, 10% flat, principal 120,000.00 KES.
    static func activeLoan(
        _ n: Int, client: Int, version: Int = 3, disbursedOn: CivilDate = CivilDate(year: 2026, month: 6, day: 15) ?? CivilDate(daysSinceEpoch: 0),
        principal: Int64 = 12_000_000, branch: String = "br_nairobi", officer: String = "of_kamau"
    ) throws -> Loan {
        let pending = Loan(
            id: loanID(n), createdAt: t0, updatedAt: t0, version: version, clientID: clientID(client),
            principal: principal, currency: .kes, interestRateBps: 1000, termMonths: 12,
            branchID: branch, officerID: officer, status: .approved)
        var loan = try pending.disbursed(at: disbursedOn.startOfDay)
        loan.version = version
        loan.updatedAt = t0.adding(seconds: Int64(version))
        return loan
    }

    static func pendingLoan(_ n: Int, client: Int, version: Int = 1) -> Loan {
        Loan(id: loanID(n), createdAt: t0, updatedAt: t0, version: version, clientID: clientID(client),
             principal: 5_000_000, currency: .kes, interestRateBps: 1200, termMonths: 6,
             branchID: "br_nairobi", officerID: "of_kamau", status: .pending)
    }

    static func payment(_ n: Int, loan: Loan, amount: Int64, status: PaymentStatus = .succeeded, version: Int = 1) -> Payment {
        Payment(id: paymentID(n), createdAt: t0, updatedAt: t0, version: version, type: .repayment, loanID: loan.id,
                clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID, amount: amount,
                currency: loan.currency, method: .mobileMoney, status: status)
    }
}

extension ReplicaError {
    /// The refusal's fields, sorted, for exact assertions.
    var sortedFields: [String] { fields.sorted() }
}

/// Runs `body`, which must throw a `ReplicaError`, and returns it.
func refusal<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> ReplicaError? {
    do {
        _ = try body()
        XCTFail("expected a refusal", file: file, line: line)
        return nil
    } catch let error as ReplicaError {
        return error
    } catch {
        XCTFail("expected a ReplicaError, got \(error)", file: file, line: line)
        return nil
    }
}
