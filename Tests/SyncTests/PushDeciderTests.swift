import APIClient
import FincoreModel
@testable import Sync
import XCTest

final class PushDeciderTests: XCTestCase {
    private func http(_ status: Int, _ code: String, current: JSONValue? = nil, field: String? = nil,
                      retryAfter: Int? = nil) -> Result<JSONValue?, APIError> {
        let details = field.map { [FieldError(field: $0, message: "bad \($0)")] } ?? []
        let body = APIErrorBody(code: ErrorCode(rawValue: code), message: code, details: details, current: current)
        return .failure(.http(HTTPFailure(status: status, body: body, retryAfterSeconds: retryAfter)))
    }

    private func client(version: Int, _ fields: [String: JSONValue]) -> JSONValue {
        var members: [String: JSONValue] = ["id": .string("cl_1"), "version": .integer(Int64(version)),
                                            "first_name": .string("Amina"), "last_name": .string("Otieno"),
                                            "phone": .string("+254700000001"),
                                            "kyc": .object(["id_number": .string("111"), "status": .string("pending")])]
        for (key, value) in fields { members[key] = value }
        return .object(members)
    }

    func testSuccessIsDone() {
        let object = client(version: 2, [:])
        XCTAssertEqual(PushDecider.decide(.create, base: nil, mine: nil, result: .success(object)), .done(object))
    }

    func testTransientFailuresLeaveTheEntryPending() {
        let transient: [Result<JSONValue?, APIError>] = [
            .failure(.transport(TransportFailure(kind: .notConnected))),
            .failure(.transport(TransportFailure(kind: .timedOut))),
            http(500, "internal_error"), http(503, "unavailable", retryAfter: 3),
            http(429, "rate_limited", retryAfter: 7), http(409, "idempotency_in_progress"),
        ]
        for result in transient {
            guard case .retryLater = PushDecider.decide(.create, base: nil, mine: nil, result: result) else {
                return XCTFail("\(result) should be retried later")
            }
        }
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil, result: http(429, "rate_limited", retryAfter: 7)),
                       .retryLater(wait: .seconds(7)))
    }

    func testAnExternalIDTakenCreateIsRecoveredAsDone() {
        let current = client(version: 1, [:])
        XCTAssertEqual(PushDecider.decide(.create, base: nil, mine: nil,
                                          result: http(409, "external_id_taken", current: current)),
                       .done(current))
    }

    func testPermanentRefusalsFailWithTheServersReasonAndField() {
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil,
                                          result: http(422, "amount_exceeds_balance", field: "amount")),
                       .failed(code: "amount_exceeds_balance", message: "bad amount", field: "amount"))
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil, result: http(409, "invalid_state")),
                       .failed(code: "invalid_state", message: "invalid_state", field: nil))
        XCTAssertEqual(PushDecider.decide(.edit(fields: ["phone"]), base: nil, mine: nil, result: http(404, "not_found")),
                       .failed(code: "not_found", message: "not_found", field: nil))
        XCTAssertEqual(PushDecider.decide(.create, base: nil, mine: nil, result: http(401, "unauthorized")),
                       .unauthorized)
    }

    func testDisjointEditsRebaseOntoTheirVersion() {
        let base = client(version: 1, [:])
        let theirs = client(version: 2, ["last_name": .string("Wanjiru")])
        let mine: JSONValue = .object(["phone": .string("+254711111111")])
        XCTAssertEqual(PushDecider.decide(.edit(fields: ["phone"]), base: base, mine: mine,
                                          result: http(412, "version_conflict", current: theirs)),
                       .rebase(onto: theirs))
    }

    func testTheSameFieldChangedOnBothSidesIsAConflictNamingIt() {
        let base = client(version: 1, [:])
        let theirs = client(version: 2, ["phone": .string("+254722222222"), "last_name": .string("W")])
        let mine: JSONValue = .object(["phone": .string("+254711111111"), "first_name": .string("A.")])
        XCTAssertEqual(PushDecider.decide(.edit(fields: ["phone", "first_name"]), base: base, mine: mine,
                                          result: http(412, "version_conflict", current: theirs)),
                       .conflict(theirs: theirs, fields: ["phone"]))
    }

    func testNestedKYCFieldsAreComparedByPath() {
        let base = client(version: 1, [:])
        let theirs = client(version: 2, ["kyc": .object(["id_number": .string("999"), "status": .string("pending")])])
        let mine: JSONValue = .object(["kyc": .object(["id_number": .string("222")])])
        XCTAssertEqual(PushDecider.decide(.edit(fields: ["kyc.id_number"]), base: base, mine: mine,
                                          result: http(412, "version_conflict", current: theirs)),
                       .conflict(theirs: theirs, fields: ["kyc.id_number"]))
    }

    func testBothSidesSettingTheSameValueIsNoConflict() {
        let base = client(version: 1, [:])
        let theirs = client(version: 2, ["phone": .string("+254711111111")])
        let mine: JSONValue = .object(["phone": .string("+254711111111")])
        XCTAssertEqual(PushDecider.decide(.edit(fields: ["phone"]), base: base, mine: mine,
                                          result: http(412, "version_conflict", current: theirs)),
                       .rebase(onto: theirs))
    }

    func testAStaleActionRebasesWhileItStillMakesSenseElseConflicts() {
        let pending: JSONValue = .object(["id": .string("ln_1"), "status": .string("pending"), "version": .integer(3)])
        let approved: JSONValue = .object(["id": .string("ln_1"), "status": .string("approved"), "version": .integer(3)])
        let allowed: (JSONValue) -> Bool = { $0["status"] == .string("pending") }
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil,
                                          result: http(412, "version_conflict", current: pending), stillAllowed: allowed),
                       .rebase(onto: pending))
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil,
                                          result: http(412, "version_conflict", current: approved), stillAllowed: allowed),
                       .conflict(theirs: approved, fields: ["status"]))
    }

    /// Another agent already did what this action asks (approved the loan): done, not a conflict.
    func testAnActionSomeoneElseAlreadyDidIsDone() {
        let approved: JSONValue = .object(["id": .string("ln_1"), "status": .string("approved"), "version": .integer(4)])
        let rejected: JSONValue = .object(["id": .string("ln_1"), "status": .string("rejected"), "version": .integer(4)])
        let allowed: (JSONValue) -> Bool = { $0["status"] == .string("pending") }
        let reachesApproved: (JSONValue) -> Bool = { $0["status"] == .string("approved") }
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil, result: http(412, "version_conflict", current: approved),
                                          stillAllowed: allowed, alreadyDone: reachesApproved),
                       .done(approved))
        XCTAssertEqual(PushDecider.decide(.action, base: nil, mine: nil, result: http(412, "version_conflict", current: rejected),
                                          stillAllowed: allowed, alreadyDone: reachesApproved),
                       .conflict(theirs: rejected, fields: ["status"]), "taken elsewhere: the user decides")
    }

    /// Only actions that carry nothing but the wish count as already done: a second rejection with
    /// its own reason, or a disbursement by another method, may differ from what happened.
    func testOnlyBareActionsCanBeAlreadyDone() {
        let verified: JSONValue = .object(["kyc": .object(["status": .string("verified")])])
        let rejected: JSONValue = .object(["kyc": .object(["status": .string("rejected")])])
        XCTAssertTrue(PushRule.of(.verifyKYC).alreadyDone(verified))
        XCTAssertFalse(PushRule.of(.rejectKYC).alreadyDone(rejected))
        XCTAssertFalse(PushRule.of(.disburseLoan).alreadyDone(.object(["status": .string("active")])))
        XCTAssertTrue(PushRule.of(.cancelPaymentLink).alreadyDone(.object(["status": .string("canceled")])))
    }
}
