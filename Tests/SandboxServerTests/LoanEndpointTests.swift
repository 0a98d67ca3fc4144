import FincoreModel
import Foundation
import HTTP
@testable import SandboxServer
import XCTest

/// `/v1/loans` over loopback: applications, edits, every transition allowed and refused, the
/// schedule's exact numbers, the order of checks and the list filters (contract § Loans).
final class LoanEndpointTests: XCTestCase {
    func testApplicationStartsPendingWithTheClientsScope() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.applyForLoan(["external_id": "app-1"])
        XCTAssertTrue(loan.id.hasPrefix("ln_"))
        XCTAssertEqual(loan.json["object"] as? String, "loan")
        XCTAssertEqual(loan.json["status"] as? String, "pending")
        XCTAssertEqual(loan.json["product"] as? String, "standard")
        XCTAssertEqual(loan.json["balance"] as? Int, 0)
        XCTAssertEqual((loan.json["schedule"] as? [Any])?.count, 0)
        XCTAssertEqual(loan.json["branch_id"] as? String, "br_1")
        XCTAssertEqual(loan.json["officer_id"] as? String, "of_1")
        XCTAssertEqual(loan.json["version"] as? Int, 1)
        XCTAssertEqual(loan.header("ETag"), "\"1\"")
        for field in ["approved_at", "disbursed_at", "closed_at"] {
            XCTAssertTrue(loan.json[field] is NSNull, "\(field) is null, never absent")
        }
        let shown = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(shown.body, loan.body)
        await sandbox.stop()
    }

    func testApplicationForAMissingClientNamesClientID() async throws {
        let sandbox = try await SandboxHarness()
        let body: [String: Any] = ["client_id": "cl_000000000000000000000000", "principal": 1000,
                                   "currency": "KES", "interest_rate_bps": 100, "term_months": 3]
        let missing = try await sandbox.call("POST", "loans", json: body)
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.errorCode, "invalid_request")
        XCTAssertEqual(missing.errorFields, ["client_id"])
        var worse = body
        worse["principal"] = 0
        let both = try await sandbox.call("POST", "loans", json: worse)
        XCTAssertEqual(both.errorFields, ["principal", "client_id"], "every field at once")
        let malformed = try await sandbox.call("POST", "loans", json: ["client_id": "nope"].merging(body) { a, _ in a })
        XCTAssertEqual(malformed.errorFields, ["client_id"], "named once")
        await sandbox.stop()
    }

    func testTakenExternalIDAnswersWithTheExistingLoan() async throws {
        let sandbox = try await SandboxHarness()
        let first = try await sandbox.applyForLoan(["external_id": "offline-loan-1"])
        let again = try await sandbox.applyForLoan(["external_id": "offline-loan-1"], expect: 409)
        XCTAssertEqual(again.errorCode, "external_id_taken")
        XCTAssertEqual(again.current?["id"] as? String, first.id)
        let found = try await sandbox.call("GET", "loans?external_id=offline-loan-1")
        XCTAssertEqual(found.data.map { $0["id"] as? String }, [first.id])
        await sandbox.stop()
    }

    func testPatchEditsTermsOnlyWhilePending() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.applyForLoan()
        let patched = try await sandbox.call("PATCH", "loans/\(loan.id)",
                                             json: ["principal": 50000, "term_months": 12, "product": "boda"],
                                             headers: ["If-Match": "\"1\""])
        XCTAssertEqual(patched.status, 200)
        XCTAssertEqual(patched.json["principal"] as? Int, 50000)
        XCTAssertEqual(patched.json["term_months"] as? Int, 12)
        XCTAssertEqual(patched.json["product"] as? String, "boda")
        XCTAssertEqual(patched.json["interest_rate_bps"] as? Int, 1850)
        XCTAssertEqual(patched.json["version"] as? Int, 2)

        let stale = try await sandbox.call("PATCH", "loans/\(loan.id)", json: ["principal": 1],
                                           headers: ["If-Match": "\"1\""])
        XCTAssertEqual(stale.status, 412)
        XCTAssertEqual(stale.errorCode, "version_conflict")
        XCTAssertEqual(stale.current?["version"] as? Int, 2)

        let readOnly = try await sandbox.call("PATCH", "loans/\(loan.id)", json: ["balance": 5, "currency": "USD"])
        XCTAssertEqual(readOnly.status, 400)
        XCTAssertEqual(Set(readOnly.errorFields), ["balance", "currency"])

        try await sandbox.expectOK(sandbox.call("POST", "loans/\(loan.id)/approve"))
        let late = try await sandbox.call("PATCH", "loans/\(loan.id)", json: ["principal": -1])
        XCTAssertEqual(late.status, 409, "state is checked before the fields")
        XCTAssertEqual(late.errorCode, "invalid_state")
        await sandbox.stop()
    }

    /// Every action from every status: the contract's table, written out here independently of
    /// the model's, so that a change to either shows.
    func testEveryTransitionAllowedAndRefused() async throws {
        let sandbox = try await SandboxHarness { $0.settlementDelaySeconds = 60 }
        let allowed: [String: [String: String]] = [
            "approve": ["pending": "approved"],
            "reject": ["pending": "rejected"],
            "withdraw": ["pending": "withdrawn", "approved": "withdrawn"],
            "disburse": ["approved": "active"],
            "write_off": ["active": "written_off"],
            "repayments": ["active": "active"],
            "patch": ["pending": "pending"],
        ]
        let statuses = ["pending", "approved", "rejected", "withdrawn", "active", "closed", "written_off"]
        for (action, moves) in allowed.sorted(by: { $0.key < $1.key }) {
            for status in statuses {
                let loan = try await sandbox.loan(in: status)
                let version = loan["version"] as? Int ?? 0
                let id = loan["id"] as? String ?? ""
                let answer = try await sandbox.perform(action, on: id)
                let cell = "\(action) on \(status)"
                guard let target = moves[status] else {
                    XCTAssertEqual(answer.status, 409, cell)
                    XCTAssertEqual(answer.errorCode, "invalid_state", cell)
                    let after = try await sandbox.call("GET", "loans/\(id)")
                    XCTAssertEqual(after.json["version"] as? Int, version, "\(cell): nothing changed")
                    continue
                }
                XCTAssertEqual(answer.status, action == "repayments" ? 201 : 200, "\(cell): \(answer.text)")
                let after = try await sandbox.call("GET", "loans/\(id)")
                XCTAssertEqual(after.json["status"] as? String, target, cell)
                XCTAssertEqual(after.json["version"] as? Int, version + 1, "\(cell): one update")
            }
        }
        await sandbox.stop()
    }

    func testApprovalNeedsVerifiedKYC() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.applyForLoan(verified: false)
        let refused = try await sandbox.call("POST", "loans/\(loan.id)/approve")
        XCTAssertEqual(refused.status, 409)
        XCTAssertEqual(refused.errorCode, "invalid_state")
        XCTAssertEqual(refused.errorMessage,
                       "The client's KYC is pending; it must be verified before the loan is approved")

        let clientID = loan.json["client_id"] as? String ?? ""
        try await sandbox.expectOK(sandbox.call("POST", "clients/\(clientID)/kyc/verify"))
        let approved = try await sandbox.call("POST", "loans/\(loan.id)/approve", headers: ["If-Match": "\"1\""])
        XCTAssertEqual(approved.status, 200)
        XCTAssertEqual(approved.json["status"] as? String, "approved")
        XCTAssertEqual(approved.json["version"] as? Int, 2)
        XCTAssertFalse(approved.json["approved_at"] is NSNull)
        XCTAssertEqual(approved.header("ETag"), "\"2\"")
        await sandbox.stop()
    }

    /// principal 100000, 1850 bps, 7 months: interest ⌊100000 × 1850 × 7 / 120000⌋ = 10791;
    /// instalments 14285 + 1541, the last 14290 + 1545; balance 110791 (contract § Loans).
    func testDisbursementBuildsTheContractsScheduleAndPayment() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.applyForLoan()
        try await sandbox.expectOK(sandbox.call("POST", "loans/\(loan.id)/approve"))
        let disbursed = try await sandbox.call("POST", "loans/\(loan.id)/disburse", json: ["method": "mobile_money"])
        XCTAssertEqual(disbursed.status, 200)
        XCTAssertEqual(disbursed.json["status"] as? String, "active")
        XCTAssertEqual(disbursed.json["balance"] as? Int, 110_791)
        XCTAssertEqual(disbursed.json["version"] as? Int, 3)
        let schedule = disbursed.json["schedule"] as? [[String: Any]] ?? []
        XCTAssertEqual(schedule.map { $0["principal_due"] as? Int }, [14285, 14285, 14285, 14285, 14285, 14285, 14290])
        XCTAssertEqual(schedule.map { $0["interest_due"] as? Int }, [1541, 1541, 1541, 1541, 1541, 1541, 1545])
        XCTAssertEqual(schedule.map { $0["paid"] as? Int }, Array(repeating: 0, count: 7))

        // Due dates: the UTC date of disbursed_at plus k months (Foundation's calendar as the oracle).
        let disbursedAt = try XCTUnwrap(Timestamp(disbursed.json["disbursed_at"] as? String ?? ""))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let expected = (1...7).compactMap { calendar.date(byAdding: .month, value: $0, to: disbursedAt.date) }
            .map { formatter.string(from: $0) }
        XCTAssertEqual(schedule.map { $0["due_date"] as? String }, expected)

        let payments = try await sandbox.call("GET", "disbursements?loan_id=\(loan.id)")
        XCTAssertEqual(payments.data.count, 1)
        let payment = try XCTUnwrap(payments.data.first)
        XCTAssertEqual(payment["type"] as? String, "disbursement")
        XCTAssertEqual(payment["status"] as? String, "succeeded", "whatever the method")
        XCTAssertEqual(payment["method"] as? String, "mobile_money")
        XCTAssertEqual(payment["amount"] as? Int, 100_000)
        XCTAssertEqual(payment["currency"] as? String, "KES")
        XCTAssertEqual(payment["branch_id"] as? String, "br_1")
        XCTAssertEqual(payment["client_id"] as? String, loan.json["client_id"] as? String)
        let same = try await sandbox.call("GET", "payments?type=disbursement&loan_id=\(loan.id)")
        XCTAssertEqual(same.body, payments.body)
        await sandbox.stop()
    }

    /// A loan disbursed on 31 January: each due date is clamped to its month's last day, from
    /// the UTC date (23:59:59Z is still the 31st). Runs the endpoint on a store at a fixed clock.
    func testDueDatesClampToTheMonthsEndFromTheUTCDate() async throws {
        let store = try SandboxStore(path: nil)
        let created = try XCTUnwrap(Timestamp("2026-01-02T08:00:00.000000Z"))
        let client = Client(id: .generate(), createdAt: created, updatedAt: created, firstName: "A", lastName: "B",
                            kyc: KYC(status: .verified, idType: .nationalID, idNumber: "1"))
        let loan = Loan(id: .generate(), createdAt: created, updatedAt: created, clientID: client.id,
                        principal: 100_000, currency: .kes, interestRateBps: 1850, termMonths: 7,
                        status: .approved)
        var http = try HTTPRequest(method: .post, target: "/v1/loans/\(loan.id)/disburse",
                                   body: Data(#"{"method":"cash"}"#.utf8))
        http.pathParameters = ["id": loan.id.rawValue]
        let request = SandboxRequest(http: http, apiKey: SandboxHarness.key)
        let disbursedAt = try XCTUnwrap(Timestamp("2026-01-31T23:59:59.000000Z"))
        let reply = try await store.write(now: disbursedAt) { tx in
            _ = try tx.insert(client)
            _ = try tx.insert(loan)
            return try LoanEndpoints.act(.disburse, request, tx)
        }
        let disbursed = try FincoreJSON.decoder().decode(Loan.self, from: reply.body ?? Data())
        XCTAssertEqual(disbursed.schedule.map(\.dueDate.description), [
            "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31",
        ])
        XCTAssertEqual(disbursed.disbursedAt, disbursedAt)
    }

    /// § Precise answers: the path's object (404), If-Match (412), state (409), then fields (400).
    func testOrderOfChecks() async throws {
        let sandbox = try await SandboxHarness()
        let missing = try await sandbox.call("POST", "loans/ln_000000000000000000000000/reject", json: [:],
                                             headers: ["If-Match": "\"9\""])
        XCTAssertEqual(missing.status, 404)
        let loan = try await sandbox.applyForLoan()
        try await sandbox.expectOK(sandbox.call("POST", "loans/\(loan.id)/approve"))
        let stale = try await sandbox.call("POST", "loans/\(loan.id)/reject", json: [:], headers: ["If-Match": "\"1\""])
        XCTAssertEqual(stale.status, 412, "If-Match before state")
        XCTAssertEqual(stale.current?["status"] as? String, "approved")
        let state = try await sandbox.call("POST", "loans/\(loan.id)/reject", json: [:], headers: ["If-Match": "\"2\""])
        XCTAssertEqual(state.status, 409, "state before the missing reason")
        let method = try await sandbox.call("POST", "loans/\(loan.id)/disburse", json: ["method": "cheque"])
        XCTAssertEqual(method.status, 400)
        XCTAssertEqual(method.errorFields, ["method"])
        let other = try await sandbox.applyForLoan()
        let reason = try await sandbox.call("POST", "loans/\(other.id)/reject", json: ["reason": " "])
        XCTAssertEqual(reason.status, 400)
        XCTAssertEqual(reason.errorFields, ["reason"])
        let rejected = try await sandbox.call("POST", "loans/\(other.id)/reject", json: ["reason": "income too low"])
        XCTAssertEqual(rejected.json["status"] as? String, "rejected")
        await sandbox.stop()
    }

    func testListFiltersAndBadEnum() async throws {
        let sandbox = try await SandboxHarness()
        let pending = try await sandbox.applyForLoan()
        let active = try await sandbox.disbursedLoan()
        let moved = try await sandbox.makeClient(["branch_id": "br_2", "officer_id": "of_9"], verified: true)
        let elsewhere = try await sandbox.applyForLoan(["client_id": moved["id"] as? String ?? ""])

        let byStatus = try await sandbox.call("GET", "loans?status=active")
        XCTAssertEqual(byStatus.data.map { $0["id"] as? String }, [active.id])
        let byClient = try await sandbox.call("GET", "loans?client_id=\(pending.json["client_id"] as? String ?? "")")
        XCTAssertEqual(byClient.data.map { $0["id"] as? String }, [pending.id])
        let byBranch = try await sandbox.call("GET", "loans?branch_id=br_2&officer_id=of_9")
        XCTAssertEqual(byBranch.data.map { $0["id"] as? String }, [elsewhere.id])
        let all = try await sandbox.call("GET", "loans?limit=2")
        XCTAssertEqual(all.data.map { $0["id"] as? String }, [pending.id, active.id])
        XCTAssertEqual((all.json["meta"] as? [String: Any])?["total"] as? Int, 3)

        let bad = try await sandbox.call("GET", "loans?status=open")
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.errorFields, ["status"])
        await sandbox.stop()
    }
}

// MARK: - Fixtures shared by the loan, payment, link and settlement tests

extension SandboxHarness.Answer {
    var text: String { String(decoding: body, as: UTF8.self) }
    var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    /// `error.current`, for 409 `external_id_taken` and 412 `version_conflict`.
    var current: [String: Any]? { (json["error"] as? [String: Any])?["current"] as? [String: Any] }
}

extension SandboxHarness {
    /// 100000 KES at 1850 bps over 7 months: the contract's worked numbers (balance 110791).
    static var loanTerms: [String: Any] {
        ["principal": 100_000, "currency": "KES", "interest_rate_bps": 1850, "term_months": 7]
    }

    /// A loan application of a new client (KYC verified unless told otherwise); `fields` override.
    func applyForLoan(_ fields: [String: Any] = [:], verified: Bool = true,
                      expect status: Int = 201) async throws -> Answer {
        var body = Self.loanTerms
        if fields["client_id"] == nil {
            body["client_id"] = try await makeClient(verified: verified)["id"] as? String ?? ""
        }
        for (key, value) in fields { body[key] = value }
        let answer = try await call("POST", "loans", json: body)
        XCTAssertEqual(answer.status, status, answer.text)
        return answer
    }

    /// An `active` loan (approved and disbursed in cash): balance 110791.
    func disbursedLoan() async throws -> Answer {
        let loan = try await applyForLoan()
        try await expectOK(call("POST", "loans/\(loan.id)/approve"))
        let disbursed = try await call("POST", "loans/\(loan.id)/disburse", json: ["method": "cash"])
        XCTAssertEqual(disbursed.status, 200, disbursed.text)
        return disbursed
    }

    /// A loan brought to `status` through the API.
    func loan(in status: String) async throws -> [String: Any] {
        switch status {
        case "pending":
            return try await applyForLoan().json
        case "approved", "rejected", "withdrawn":
            let loan = try await applyForLoan()
            let action = ["approved": "approve", "rejected": "reject", "withdrawn": "withdraw"][status] ?? ""
            return try await perform(action, on: loan.id).json
        default:
            let loan = try await disbursedLoan()
            switch status {
            case "closed": _ = try await perform("repayments", on: loan.id, amount: 110_791)
            case "written_off": _ = try await perform("write_off", on: loan.id)
            default: return loan.json
            }
            return try await call("GET", "loans/\(loan.id)").json
        }
    }

    /// One action with a valid body: a state action, `repayments` (cash), or `patch`.
    func perform(_ action: String, on id: String, amount: Int = 1) async throws -> Answer {
        switch action {
        case "patch": return try await call("PATCH", "loans/\(id)", json: ["product": "edited"])
        case "repayments":
            return try await call("POST", "loans/\(id)/repayments", json: ["amount": amount, "method": "cash"])
        case "disburse": return try await call("POST", "loans/\(id)/disburse", json: ["method": "cash"])
        case "reject", "write_off": return try await call("POST", "loans/\(id)/\(action)", json: ["reason": "test"])
        default: return try await call("POST", "loans/\(id)/\(action)")
        }
    }

    func expectOK(_ answer: Answer, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue((200..<300).contains(answer.status), answer.text, file: file, line: line)
    }

    /// Polls `path` every 50 ms until `done` holds (at most `timeout` seconds); the last answer.
    func poll(_ path: String, timeout: Double = 5, until done: (Answer) -> Bool) async throws -> Answer {
        let deadline = Date().addingTimeInterval(timeout)
        var answer = try await call("GET", path)
        while !done(answer), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            answer = try await call("GET", path)
        }
        return answer
    }
}
