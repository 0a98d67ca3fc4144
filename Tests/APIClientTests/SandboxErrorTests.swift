import APIClient
import FincoreModel
import Foundation
import XCTest

/// Every code of the contract's error table, produced by the real sandbox and decoded by the
/// client into the right `APIError`, with its evidence and its `recovery`.
final class SandboxErrorTests: XCTestCase {
    /// A client that makes exactly one attempt, so that the first answer is the one we see.
    private func oneShot(_ sandbox: SandboxFixture) -> APIClient {
        sandbox.makeClient { $0.retryPolicy = .never }
    }

    func testInvalidRequestNamesTheFields() async throws {
        let sandbox = try await SandboxFixture()
        let error = await expectAPIError {
            try await sandbox.api.createClient(NewClient(firstName: "", lastName: "Kamau", phone: "0712"))
        }
        let failure = try XCTUnwrap(error?.httpFailure)
        XCTAssertEqual(failure.status, 400)
        XCTAssertEqual(failure.knownCode, .invalidRequest)
        XCTAssertEqual(failure.details.map(\.field), ["first_name", "phone"])
        XCTAssertEqual(error?.recovery, .fixInput)
        XCTAssertEqual(failure.request, "POST clients")
        await sandbox.stop()
    }

    func testUnauthorizedCarriesNoRateLimit() async throws {
        let sandbox = try await SandboxFixture()
        let stranger = APIClient(baseURL: sandbox.baseURL, key: try XCTUnwrap(APIKey("sk_test_unknown_key")))
        let error = await expectAPIError { try await stranger.listClients() }
        XCTAssertEqual(error?.httpFailure?.status, 401)
        XCTAssertEqual(error?.httpFailure?.knownCode, .unauthorized)
        XCTAssertNil(error?.httpFailure?.rateLimit, "a 401 counts against no bucket")
        XCTAssertEqual(error?.recovery, .giveUp)
        await sandbox.stop()
    }

    func testNotFoundAndMethodNotAllowed() async throws {
        let sandbox = try await SandboxFixture()
        let missing = await expectAPIError { try await sandbox.api.loan(try XCTUnwrap(LoanID("ln_missing1"))) }
        XCTAssertEqual(missing?.httpFailure?.status, 404)
        XCTAssertEqual(missing?.httpFailure?.knownCode, .notFound)
        XCTAssertEqual(missing?.recovery, .giveUp)
        let wrongMethod = await expectAPIError { try await sandbox.api.sendWithoutBody(APIRequest(.delete, "clients")) }
        XCTAssertEqual(wrongMethod?.httpFailure?.status, 405)
        XCTAssertEqual(wrongMethod?.httpFailure?.knownCode, .methodNotAllowed)
        await sandbox.stop()
    }

    func testInvalidStateAndExternalIDTakenWithCurrent() async throws {
        let sandbox = try await SandboxFixture()
        let borrower = try await sandbox.makeBorrower(externalID: "offline-1")
        let loan = try await sandbox.makeApplication(for: borrower)
        let unverified = await expectAPIError { try await sandbox.api.disburseLoan(loan.id, method: .cash) }
        XCTAssertEqual(unverified?.httpFailure?.status, 409)
        XCTAssertEqual(unverified?.httpFailure?.knownCode, .invalidState)
        XCTAssertEqual(unverified?.recovery, .resolveConflict)

        let again = await expectAPIError {
            try await sandbox.api.createClient(NewClient(firstName: "Other", lastName: "Person", externalID: "offline-1"))
        }
        XCTAssertEqual(again?.httpFailure?.status, 409)
        XCTAssertEqual(again?.httpFailure?.knownCode, .externalIDTaken)
        XCTAssertEqual(try again?.httpFailure?.current?.decode(as: Client.self), borrower)
        await sandbox.stop()
    }

    func testVersionConflictCarriesTheCurrentObject() async throws {
        let sandbox = try await SandboxFixture()
        let borrower = try await sandbox.makeBorrower()
        let moved = try await sandbox.api.updateClient(borrower.id, ClientPatch(branchID: .value("br_9"))).value
        let stale = await expectAPIError {
            try await sandbox.api.updateClient(borrower.id, ClientPatch(address: .value("Eldoret")),
                                               options: WriteOptions(ifMatch: 1))
        }
        XCTAssertEqual(stale?.httpFailure?.status, 412)
        XCTAssertEqual(stale?.httpFailure?.knownCode, .versionConflict)
        XCTAssertEqual(try stale?.httpFailure?.current?.decode(as: Client.self), moved)
        XCTAssertEqual(stale?.recovery, .resolveConflict)
        await sandbox.stop()
    }

    /// A second request under a key whose first is still running (slowed by a latency fault).
    func testIdempotencyInProgress() async throws {
        let sandbox = try await SandboxFixture()
        try await sandbox.setFaults(["latency_ms": "800"])
        let api = oneShot(sandbox)
        let key = try XCTUnwrap(IdempotencyKey("slow-create-1"))
        let new = NewClient(firstName: "Slow", lastName: "Create")
        let first = Task { try await api.createClient(new, options: WriteOptions(idempotencyKey: key)) }
        try await Task.sleep(for: .milliseconds(300))
        let second = await expectAPIError { try await api.createClient(new, options: WriteOptions(idempotencyKey: key)) }
        XCTAssertEqual(second?.httpFailure?.status, 409)
        XCTAssertEqual(second?.httpFailure?.knownCode, .idempotencyInProgress)
        XCTAssertEqual(second?.recovery, .retry)
        let firstStatus = try await first.value.meta.status
        XCTAssertEqual(firstStatus, 201)
        await sandbox.stop()
    }

    func testPayloadTooLarge() async throws {
        let sandbox = try await SandboxFixture()
        let body = Data(#"{"first_name":""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 1 << 20) + Data(#""}"#.utf8)
        let error = await expectAPIError {
            try await sandbox.api.send(APIRequest(.post, "clients", body: body), as: Client.self)
        }
        XCTAssertEqual(error?.httpFailure?.status, 413)
        XCTAssertEqual(error?.httpFailure?.knownCode, .payloadTooLarge)
        XCTAssertEqual(error?.recovery, .fixInput)
        await sandbox.stop()
    }

    func testAmountExceedsBalanceAndKeyReused() async throws {
        let sandbox = try await SandboxFixture()
        let loan = try await sandbox.makeActiveLoan()
        let over = await expectAPIError {
            try await sandbox.api.createRepayment(loan.id, NewRepayment(amount: loan.balance + 1, method: .cash))
        }
        XCTAssertEqual(over?.httpFailure?.status, 422)
        XCTAssertEqual(over?.httpFailure?.knownCode, .amountExceedsBalance)
        XCTAssertEqual(over?.httpFailure?.details.map(\.field), ["amount"])

        let key = try XCTUnwrap(IdempotencyKey("repay-1"))
        _ = try await sandbox.api.createRepayment(loan.id, NewRepayment(amount: 1_000, method: .cash),
                                                  options: WriteOptions(idempotencyKey: key))
        let reused = await expectAPIError {
            try await sandbox.api.createRepayment(loan.id, NewRepayment(amount: 2_000, method: .cash),
                                                  options: WriteOptions(idempotencyKey: key))
        }
        XCTAssertEqual(reused?.httpFailure?.status, 422)
        XCTAssertEqual(reused?.httpFailure?.knownCode, .idempotencyKeyReused)
        XCTAssertEqual(reused?.recovery, .giveUp)
        await sandbox.stop()
    }

    func testRateLimitedInternalErrorAndUnavailable() async throws {
        let sandbox = try await SandboxFixture { $0.rateWindowSeconds = 60 }
        let expected: [(fault: String, status: Int, code: ErrorCode, retryAfter: Int?)] = [
            ("error_500", 500, .internalError, nil),
            ("error_503", 503, .unavailable, 1),
            // Last: a storm empties the real bucket for the rest of its window.
            ("storm_429", 429, .rateLimited, 60),
        ]
        for (fault, status, code, retryAfter) in expected {
            var faults: [String: Any] = ["storm_429": 0, "error_500": 0, "error_503": 0]
            faults[fault] = 1
            try await sandbox.setFaults(faults)
            // A fresh client for each: the 429 pauses the first one's bucket, as it should.
            let error = await expectAPIError { try await oneShot(sandbox).listLoans() }
            XCTAssertEqual(error?.httpFailure?.status, status, fault)
            XCTAssertEqual(error?.httpFailure?.knownCode, code, fault)
            XCTAssertEqual(error?.httpFailure?.retryAfterSeconds, retryAfter, fault)
            XCTAssertTrue(error?.recovery.isRetriable == true, fault)
        }
        await sandbox.stop()
    }

    /// A body cut off mid-way is an error value (a transport-level failure), never a crash.
    func testTruncatedBodyIsAnErrorValue() async throws {
        let sandbox = try await SandboxFixture()
        let borrower = try await sandbox.makeBorrower()
        try await sandbox.setFaults(["truncate_body": 1])
        let error = await expectAPIError { try await self.oneShot(sandbox).client(borrower.id) }
        switch error {
        case .malformed(let malformed)?:
            XCTAssertEqual(malformed.status, 200)
            XCTAssertEqual(malformed.problem, .invalidJSON)
            XCTAssertEqual(error?.recovery, .retry)
        case .transport(let failure)?:
            // Linux's FoundationNetworking reports a body shorter than its Content-Length as
            // URLError -1 (unknown), which the client counts as a lost connection: retriable,
            // and the request may have executed.
            XCTAssertEqual(failure.kind, .connectionLost, "\(failure)")
            XCTAssertEqual(failure.urlErrorCode, -1)
            XCTAssertTrue(failure.mayHaveExecuted)
        default:
            XCTFail("expected a malformed answer or a transport failure, got \(String(describing: error))")
        }
        let truncated = try await sandbox.injected("truncate_body")
        XCTAssertEqual(truncated, 1)
        print("truncated: checked")
        await sandbox.stop()
    }
}
