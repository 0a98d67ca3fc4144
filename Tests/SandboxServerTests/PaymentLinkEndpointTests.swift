import FincoreModel
import Foundation
@testable import SandboxServer
import XCTest

/// `/v1/payment_links` over loopback: create, show, list, cancel, refusals, and expiry by the
/// settler's sweep (contract § Payments, "Payment links").
final class PaymentLinkEndpointTests: XCTestCase {
    func testCreateShowListAndCancel() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.disbursedLoan()
        let link = try await sandbox.call("POST", "payment_links",
                                          json: ["loan_id": loan.id, "amount": 15_826, "external_id": "link-1"])
        XCTAssertEqual(link.status, 201, link.text)
        XCTAssertTrue(link.id.hasPrefix("pl_"))
        XCTAssertEqual(link.json["object"] as? String, "payment_link")
        XCTAssertEqual(link.json["status"] as? String, "active")
        XCTAssertEqual(link.json["amount"] as? Int, 15_826)
        XCTAssertEqual(link.json["currency"] as? String, "KES")
        XCTAssertEqual(link.json["loan_id"] as? String, loan.id)
        XCTAssertEqual(link.json["client_id"] as? String, loan.json["client_id"] as? String)
        XCTAssertEqual(link.json["branch_id"] as? String, "br_1")
        XCTAssertEqual(link.json["officer_id"] as? String, "of_1")
        XCTAssertEqual(link.json["external_id"] as? String, "link-1")
        XCTAssertTrue(link.json["paid_at"] is NSNull)
        XCTAssertEqual(link.json["version"] as? Int, 1)
        let url = link.json["url"] as? String ?? ""
        XCTAssertEqual(url, "https://pay.fincore.test/\(link.id)")
        // Seven days exactly (PaymentLinkEndpoints.lifetimeSeconds).
        let created = try XCTUnwrap(Timestamp(link.json["created_at"] as? String ?? ""))
        XCTAssertEqual(link.json["expires_at"] as? String, created.adding(seconds: 7 * 24 * 3600).description)

        let shown = try await sandbox.call("GET", "payment_links/\(link.id)")
        XCTAssertEqual(shown.body, link.body)
        XCTAssertEqual(shown.header("ETag"), "\"1\"")
        let listed = try await sandbox.call("GET", "payment_links?loan_id=\(loan.id)&status=active")
        XCTAssertEqual(listed.data.map { $0["id"] as? String }, [link.id])
        let byExternalID = try await sandbox.call("GET", "payment_links?external_id=link-1")
        XCTAssertEqual(byExternalID.data.count, 1)

        let stale = try await sandbox.call("POST", "payment_links/\(link.id)/cancel", headers: ["If-Match": "\"2\""])
        XCTAssertEqual(stale.status, 412)
        XCTAssertEqual(stale.current?["status"] as? String, "active")
        let canceled = try await sandbox.call("POST", "payment_links/\(link.id)/cancel", headers: ["If-Match": "\"1\""])
        XCTAssertEqual(canceled.status, 200)
        XCTAssertEqual(canceled.json["status"] as? String, "canceled")
        XCTAssertEqual(canceled.json["version"] as? Int, 2)
        let again = try await sandbox.call("POST", "payment_links/\(link.id)/cancel")
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(again.errorCode, "invalid_state")
        let none = try await sandbox.call("GET", "payment_links?status=active")
        XCTAssertEqual(none.data.count, 0)
        await sandbox.stop()
    }

    func testCreateRefusals() async throws {
        let sandbox = try await SandboxHarness()
        let missing = try await sandbox.call("POST", "payment_links",
                                             json: ["loan_id": "ln_000000000000000000000000", "amount": 1])
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.errorFields, ["loan_id"])
        let pending = try await sandbox.applyForLoan()
        let notActive = try await sandbox.call("POST", "payment_links", json: ["loan_id": pending.id, "amount": 0])
        XCTAssertEqual(notActive.status, 409, "the loan's state before the amount")
        let loan = try await sandbox.disbursedLoan()
        let zero = try await sandbox.call("POST", "payment_links", json: ["loan_id": loan.id, "amount": 0])
        XCTAssertEqual(zero.status, 400)
        XCTAssertEqual(zero.errorFields, ["amount"])
        let over = try await sandbox.call("POST", "payment_links", json: ["loan_id": loan.id, "amount": 110_792])
        XCTAssertEqual(over.status, 422)
        XCTAssertEqual(over.errorFields, ["amount"])
        let readOnly = try await sandbox.call("POST", "payment_links",
                                              json: ["loan_id": loan.id, "amount": 5, "status": "paid"])
        XCTAssertEqual(readOnly.errorFields, ["status"])
        let first = try await sandbox.call("POST", "payment_links",
                                           json: ["loan_id": loan.id, "amount": 5, "external_id": "dup"])
        let taken = try await sandbox.call("POST", "payment_links",
                                           json: ["loan_id": loan.id, "amount": 6, "external_id": "dup"])
        XCTAssertEqual(taken.status, 409)
        XCTAssertEqual(taken.errorCode, "external_id_taken")
        XCTAssertEqual(taken.current?["id"] as? String, first.id)
        let bad = try await sandbox.call("GET", "payment_links?status=open")
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.errorFields, ["status"])
        await sandbox.stop()
    }

    /// The settler's sweep expires an active link at its `expires_at`, not before, as an update
    /// (version + 1); a canceled link stays canceled. The sweep is run with a clock 7 days ahead.
    func testSweepExpiresActiveLinksAtExpiresAt() async throws {
        let sandbox = try await SandboxHarness()
        let loan = try await sandbox.disbursedLoan()
        let link = try await sandbox.call("POST", "payment_links", json: ["loan_id": loan.id, "amount": 100])
        let canceled = try await sandbox.call("POST", "payment_links", json: ["loan_id": loan.id, "amount": 200])
        try await sandbox.expectOK(sandbox.call("POST", "payment_links/\(canceled.id)/cancel"))
        let expiresAt = try XCTUnwrap(Timestamp(link.json["expires_at"] as? String ?? ""))

        await sandbox.server.settler.sweep(now: expiresAt.adding(microseconds: -1))
        let before = try await sandbox.call("GET", "payment_links/\(link.id)")
        XCTAssertEqual(before.json["status"] as? String, "active")
        XCTAssertEqual(before.json["version"] as? Int, 1)

        await sandbox.server.settler.sweep(now: expiresAt)
        let after = try await sandbox.call("GET", "payment_links/\(link.id)")
        XCTAssertEqual(after.json["status"] as? String, "expired")
        XCTAssertEqual(after.json["version"] as? Int, 2)
        let late = try await sandbox.call("POST", "payment_links/\(link.id)/cancel")
        XCTAssertEqual(late.status, 409)
        let untouched = try await sandbox.call("GET", "payment_links/\(canceled.id)")
        XCTAssertEqual(untouched.json["status"] as? String, "canceled")
        XCTAssertEqual(untouched.json["version"] as? Int, 2)
        let expired = try await sandbox.call("GET", "payment_links?status=expired")
        XCTAssertEqual(expired.data.map { $0["id"] as? String }, [link.id])
        await sandbox.stop()
    }
}
