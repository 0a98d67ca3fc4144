import APIClient
import FincoreModel
import XCTest

/// Every error answer of the contract, and every answer not in its shape, becomes an `APIError`.
final class APIErrorDecodingTests: XCTestCase {
    /// Each code of the contract's table, with its status: decoded exactly, with its recovery.
    func testEveryCodeOfTheContractTable() async throws {
        let expected: [(String, Int, Recovery)] = [
            ("invalid_request", 400, .fixInput), ("unauthorized", 401, .giveUp), ("not_found", 404, .giveUp),
            ("method_not_allowed", 405, .giveUp), ("invalid_state", 409, .resolveConflict),
            ("external_id_taken", 409, .resolveConflict), ("idempotency_in_progress", 409, .retry),
            ("version_conflict", 412, .resolveConflict), ("payload_too_large", 413, .fixInput),
            ("idempotency_key_reused", 422, .giveUp), ("amount_exceeds_balance", 422, .fixInput),
            ("rate_limited", 429, .wait(seconds: 7)), ("internal_error", 500, .retry),
            ("unavailable", 503, .wait(seconds: 7)),
        ]
        XCTAssertEqual(expected.map(\.0), ErrorCode.table.map(\.rawValue), "the test covers the whole table")
        let server = try LoopbackServer { index, _ in
            let (code, status, _) = expected[index]
            return .respond(status: status, headers: rateHeaders().merging(["Retry-After": "7"]) { $1 },
                            body: errorJSON(code, "Message \(index)"))
        }
        let client = makeClient(server)
        for (index, (code, status, recovery)) in expected.enumerated() {
            let error = await expectAPIError { try await client.send(APIRequest(.get, "clients"), as: Echo.self) }
            guard case .http(let failure)? = error else { return XCTFail("\(code): \(String(describing: error))") }
            XCTAssertEqual(failure.status, status)
            XCTAssertEqual(failure.code, ErrorCode(rawValue: code))
            XCTAssertEqual(failure.knownCode, ErrorCode(rawValue: code))
            XCTAssertEqual(failure.message, "Message \(index)")
            XCTAssertEqual(failure.recovery, recovery, code)
            XCTAssertEqual(failure.rateLimit, RateLimitHeaders(limit: 100, remaining: 99, resetSeconds: 60))
        }
    }

    func testDetailsAndCurrentAreKept() async throws {
        let details = #"[{"field":"amount","message":"Amount must be greater than zero"}]"#
        let current = #"{"id":"ln_1","version":4,"balance":450000}"#
        let server = try LoopbackServer([
            .respond(status: 400, body: errorJSON("invalid_request", "The request was invalid", details: details)),
            .respond(status: 412, body: errorJSON("version_conflict", "Stale", current: current)),
        ])
        let client = makeClient(server)
        let bad = await expectAPIError { try await client.send(APIRequest(.post, "payments"), as: Echo.self) }
        XCTAssertEqual(bad?.httpFailure?.details, [FieldError(field: "amount", message: "Amount must be greater than zero")])
        XCTAssertEqual(bad?.description, "POST payments: HTTP 400 invalid_request: The request was invalid"
                       + " [amount: Amount must be greater than zero]")
        let stale = await expectAPIError { try await client.send(APIRequest(.patch, "loans/ln_1"), as: Echo.self) }
        XCTAssertEqual(stale?.recovery, .resolveConflict)
        XCTAssertEqual(try stale?.httpFailure?.current?.decode(as: Echo.self), Echo(id: "ln_1", version: 4))
        XCTAssertEqual(stale?.httpFailure?.current?["balance"], JSONValue.integer(450000))
    }

    /// "A client must treat an unknown code of a known status class as that class."
    func testUnknownCodesAreTreatedAsTheirStatusClass() async throws {
        let replies: [LoopbackServer.Reply] = [
            .respond(status: 409, body: errorJSON("brand_new_conflict")),
            .respond(status: 418, body: errorJSON("teapot")),
            .respond(status: 502, body: errorJSON("gateway_hiccup")),
            .respond(status: 404, body: errorJSON("invalid_state")),  // a known code under another status
        ]
        // Answered by path, not by arrival: a request the transport itself sent twice (seen under
        // ThreadSanitizer's slowness) must not shift every later answer.
        let server = try LoopbackServer(script: { _, request in
            Int(request.path.split(separator: "/").last ?? "").flatMap { replies.indices.contains($0) ? replies[$0] : nil }
                ?? .close
        })
        let client = makeClient(server)
        var recoveries: [Recovery?] = []
        for index in 0..<4 {
            let error = await expectAPIError { try await client.send(APIRequest(.get, "loans/\(index)"), as: Echo.self) }
            XCTAssertNil(error?.httpFailure?.knownCode)
            recoveries.append(error?.recovery)
        }
        XCTAssertEqual(recoveries, [.resolveConflict, .giveUp, .retry, .giveUp])
        XCTAssertEqual(ErrorCode(rawValue: "teapot"), .unknown("teapot"))
    }

    /// An HTML page from a proxy, a cut-off body, an empty 200: failures of their status, no crash.
    func testAnswersNotInTheContractsShape() async throws {
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        let server = try LoopbackServer([
            .respond(status: 502, headers: ["Content-Type": "text/html"], body: html),
            .respond(status: 200, headers: ["Content-Type": "application/json"], body: #"{"id":"cl_1","vers"#),
            .respond(status: 200, headers: ["Content-Type": "application/json"], body: ""),
            .respond(status: 200, headers: ["Content-Type": "application/json"], body: #"{"name":"x"}"#),
            .respond(status: 500, body: ""),
            .respond(status: 404, headers: ["Content-Type": "text/plain"], body: "no such thing"),
            .respond(status: 429, headers: ["Retry-After": "3"], body: "slow down"),
        ])
        let client = makeClient(server)
        var seen: [(Int?, MalformedResponse.Problem?, Recovery?)] = []
        for _ in 0..<7 {
            let error = await expectAPIError { try await client.send(APIRequest(.get, "clients/cl_1"), as: Echo.self) }
            guard case .malformed(let failure)? = error else {
                XCTFail("not malformed: \(String(describing: error))")
                continue
            }
            seen.append((failure.status, failure.problem, error?.recovery))
        }
        XCTAssertEqual(seen.map(\.0), [502, 200, 200, 200, 500, 404, 429])
        XCTAssertEqual(seen.map(\.1), [
            .notJSON(contentType: "text/html"), .invalidJSON, .empty,
            .unexpectedShape(field: "id", message: "is required"), .empty, .notJSON(contentType: "text/plain"),
            .notJSON(contentType: nil),
        ])
        XCTAssertEqual(seen.map(\.2), [.retry, .retry, .retry, .giveUp, .retry, .giveUp, .wait(seconds: 3)])
    }

    /// A transport failure says what happened and that it is worth retrying.
    func testConnectionClosedWithoutAnswerIsATransportFailure() async throws {
        let server = try LoopbackServer([.close])
        let client = makeClient(server)
        let error = await expectAPIError { try await client.send(APIRequest(.get, "clients"), as: Echo.self) }
        guard case .transport(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertTrue([.connectionLost, .badResponse].contains(failure.kind), "\(failure)")
        XCTAssertEqual(error?.recovery, .retry)
    }

    func testRefusedConnection() async throws {
        let server = try LoopbackServer([.close])
        let port = server.port
        server.stop()
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = .never
        let client = APIClient(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, key: testKey, configuration: configuration)
        let error = await expectAPIError { try await client.send(APIRequest(.get, "clients"), as: Echo.self) }
        guard case .transport(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.kind, .refused)
        XCTAssertEqual(failure.request, "GET clients")
    }
}
