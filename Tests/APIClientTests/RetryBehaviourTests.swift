import APIClient
import FincoreModel
import XCTest

/// The retry loop against a loopback server: same key on every attempt, replays, no 4xx retries.
final class RetryBehaviourTests: XCTestCase {
    let retrying = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50), deadline: nil)

    /// A POST whose first answer never comes is sent again under the same key; the server's
    /// replayed answer is returned with `replayed` set.
    func testTimedOutPostIsRetriedWithTheSameKeyAndReplayed() async throws {
        let created = #"{"id":"py_1","version":1}"#
        let server = try LoopbackServer([
            .respond(status: 201, headers: rateHeaders(), body: created, delay: 2.5),
            .respond(status: 201, headers: rateHeaders().merging(["Idempotent-Replayed": "true"]) { $1 }, body: created),
        ])
        let events = EventLog()
        let client = makeClient(server, policy: retrying, timeout: .seconds(1), events: events)
        let response = try await client.send(APIRequest(.post, "loans/ln_1/repayments", body: Data("{}".utf8),
                                                        priority: .money), as: Echo.self)
        XCTAssertEqual(response.value, Echo(id: "py_1", version: 1))
        XCTAssertTrue(response.meta.replayed)
        XCTAssertEqual(response.meta.attempts, 2)
        let keys = server.requests.map { $0.header("Idempotency-Key") }
        XCTAssertEqual(keys.count, 2)
        XCTAssertNotNil(keys[0])
        XCTAssertEqual(keys[0], keys[1])
        XCTAssertEqual(keys[0], response.meta.idempotencyKey?.rawValue)
        guard case .retrying(_, _, _, .transport(let failure))? = events.all.first(where: {
            if case .retrying = $0 { return true } else { return false }
        }) else { return XCTFail("no retry event") }
        XCTAssertEqual(failure.kind, .timedOut)
    }

    /// The caller's key (the outbox's) is the one sent, on every attempt.
    func testCallersKeyIsUsedOnEveryAttempt() async throws {
        let server = try LoopbackServer([
            .close,
            .respond(status: 500, body: errorJSON("internal_error")),
            .truncate(status: 201, headers: ["Content-Type": "application/json"], body: #"{"id":"cl_9"}"#, sent: 6),
            .respond(status: 201, headers: ["Idempotent-Replayed": "true"], body: #"{"id":"cl_9"}"#),
        ])
        let key = try XCTUnwrap(IdempotencyKey("outbox-entry-42"))
        let client = makeClient(server, policy: retrying)
        let response = try await client.send(APIRequest(.post, "clients", body: Data("{}".utf8), idempotencyKey: key),
                                             as: Echo.self)
        XCTAssertEqual(response.value.id, "cl_9")
        XCTAssertEqual(response.meta.attempts, 4)
        XCTAssertEqual(server.requests.map { $0.header("Idempotency-Key") }, Array(repeating: "outbox-entry-42", count: 4))
    }

    /// No retry on 400, 404, 409 invalid_state, 412 or 422: one request each.
    func testClientErrorsAreNeverRetried() async throws {
        let answers: [(Int, String)] = [(400, "invalid_request"), (404, "not_found"), (409, "invalid_state"),
                                        (409, "external_id_taken"), (412, "version_conflict"),
                                        (422, "amount_exceeds_balance"), (422, "idempotency_key_reused"), (401, "unauthorized")]
        for (status, code) in answers {
            let server = try LoopbackServer([.respond(status: status, body: errorJSON(code))])
            let client = makeClient(server, policy: retrying)
            let error = await expectAPIError { try await client.send(APIRequest(.post, "payments"), as: Echo.self) }
            XCTAssertEqual(error?.status, status)
            XCTAssertEqual(server.requests.count, 1, "\(status) \(code) must not be retried")
        }
    }

    /// 409 idempotency_in_progress, 429, 500, 502, 503, 504 and a bad-gateway HTML page are retried.
    func testRetriableAnswersAreRetried() async throws {
        let first: [LoopbackServer.Reply] = [
            .respond(status: 409, body: errorJSON("idempotency_in_progress")),
            .respond(status: 429, headers: ["Retry-After": "1"], body: errorJSON("rate_limited")),
            .respond(status: 500, body: errorJSON("internal_error")),
            .respond(status: 502, headers: ["Content-Type": "text/html"], body: "<html>bad gateway</html>"),
            .respond(status: 503, headers: ["Retry-After": "1"], body: errorJSON("unavailable")),
            .respond(status: 504, body: ""),
        ]
        for reply in first {
            let server = try LoopbackServer([reply, .respond(status: 200, body: #"{"id":"ok"}"#)])
            let client = makeClient(server, policy: retrying)
            let response = try await client.send(APIRequest(.patch, "clients/cl_1"), as: Echo.self)
            XCTAssertEqual(response.meta.attempts, 2, "\(reply)")
        }
    }

    /// Retry-After is slept through exactly (on the injected clock), and the whole bucket waits.
    func testRetryAfterIsHonoured() async throws {
        let clock = ManualClock(autoAdvance: true)
        let events = EventLog()
        let server = try LoopbackServer([
            .respond(status: 429, headers: rateHeaders(remaining: 0, reset: 3).merging(["Retry-After": "3"]) { $1 },
                     body: errorJSON("rate_limited")),
            .respond(status: 200, headers: rateHeaders(remaining: 99, reset: 60), body: #"{"id":"ok"}"#),
        ])
        let client = makeClient(server, policy: retrying, clock: clock, random: { 0.99 }, events: events)
        let start = clock.now()
        _ = try await client.send(APIRequest(.get, "loans"), as: Echo.self)
        let sleeps = events.all.compactMap { event -> Duration? in
            if case .retrying(_, _, let after, _) = event { return after }
            return nil
        }
        XCTAssertEqual(sleeps, [.seconds(3)])
        XCTAssertGreaterThanOrEqual(clock.now() - start, .seconds(3))
        let counters = await client.scheduler.counters
        XCTAssertEqual(counters.throttled, 1)
    }

    /// A DELETE whose answer was lost finds the object gone on the retry: that is success.
    func testDeleteRetriedAfterLostAnswerAcceptsNotFound() async throws {
        let server = try LoopbackServer([.close, .respond(status: 404, body: errorJSON("not_found"))])
        let client = makeClient(server, policy: retrying)
        let meta = try await client.sendWithoutBody(APIRequest(.delete, "clients/cl_1"))
        XCTAssertEqual(meta.status, 204)
        XCTAssertNil(server.requests[0].header("Idempotency-Key"), "DELETE takes no key")
    }

    func testTheDeadlineBoundsTheWholeCall() async throws {
        let server = try LoopbackServer([.respond(status: 500, body: errorJSON("internal_error"))])
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: .seconds(1), maxDelay: .seconds(1), deadline: .seconds(5))
        let client = makeClient(server, policy: policy, random: { 1 })
        let error = await expectAPIError { try await client.send(APIRequest(.get, "loans"), as: Echo.self) }
        XCTAssertEqual(error?.status, 500)
        XCTAssertEqual(server.requests.count, 5, "attempts at 0, 1, 2, 3 and 4 s; the next would end past 5 s")
    }
}
