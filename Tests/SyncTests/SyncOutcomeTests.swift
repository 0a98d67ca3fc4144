import APIClient
import FincoreModel
@testable import Sync
import XCTest

/// How errors end a run (429 past the retries is not "offline"), and a cancelled wait at the gate.
final class SyncOutcomeTests: XCTestCase {
    private func failure(_ status: Int, _ code: ErrorCode) -> APIError {
        .http(HTTPFailure(status: status, body: APIErrorBody(code: code, message: "m"), request: "GET clients"))
    }

    func testStatusClassesMapToOutcomes() {
        XCTAssertEqual(SyncOutcome.rateLimited("x").code, "rate_limited")
        guard case .rateLimited = SyncEngine.outcome(of: failure(429, .rateLimited)) else {
            return XCTFail("429 past the retries must be rate limited, not offline")
        }
        guard case .offline = SyncEngine.outcome(of: failure(503, .unavailable)) else { return XCTFail("503 is offline") }
        XCTAssertEqual(SyncEngine.outcome(of: failure(401, .unauthorized)), .unauthorized)
        guard case .failed = SyncEngine.outcome(of: failure(404, .notFound)) else { return XCTFail("404 is a failure") }
    }

    func testACancelledWaiterLeavesTheGateWithoutHoldingIt() async {
        let gate = SyncGate()
        let first = await gate.enter()
        XCTAssertTrue(first)
        let waiter = Task { await gate.enter() }
        // Give the waiter time to queue; cancelling before it queues is answered false too.
        try? await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        let waited = await waiter.value
        XCTAssertFalse(waited, "a cancelled waiter must not get the gate")
        await gate.leave()
        // The gate is free again: nobody holds it, so the next run enters at once.
        let next = await gate.enter()
        XCTAssertTrue(next)
        await gate.leave()
    }
}
