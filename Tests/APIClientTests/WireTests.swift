import APIClient
import FincoreModel
import XCTest

/// What goes on the wire: URL, headers, `If-Match`, keys; and what is read back: `ETag`, replays.
final class WireTests: XCTestCase {
    func testHeadersAndURL() async throws {
        let server = try LoopbackServer([
            .respond(status: 200, headers: rateHeaders(remaining: 42, reset: 17).merging(["ETag": "\"7\""]) { $1 },
                     body: #"{"id":"ln_1","version":7}"#),
        ])
        let client = makeClient(server)
        let request = APIRequest(.patch, "loans/ln_1", query: [.init("updated_since", "2026-11-24T09:15:02.123456Z"),
                                                               .init("external_id", "a b+c&d")],
                                 body: Data(#"{"term_months":12}"#.utf8), ifMatch: 6)
        let response = try await client.send(request, as: Echo.self)
        let sent = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(sent.method, "PATCH")
        XCTAssertEqual(sent.path, "/v1/loans/ln_1")
        XCTAssertEqual(sent.query, "updated_since=2026-11-24T09%3A15%3A02.123456Z&external_id=a%20b%2Bc%26d")
        XCTAssertEqual(sent.header("If-Match"), "\"6\"")
        XCTAssertEqual(sent.header("Content-Type"), "application/json")
        XCTAssertEqual(sent.header("Accept"), "application/json")
        XCTAssertEqual(String(decoding: sent.body, as: UTF8.self), #"{"term_months":12}"#)
        let key = try XCTUnwrap(sent.header("Idempotency-Key"))
        XCTAssertNotNil(IdempotencyKey(key), "a generated key is a valid one")
        XCTAssertEqual(response.meta.version, 7)
        XCTAssertEqual(response.meta.rateLimit, RateLimitHeaders(limit: 100, remaining: 42, resetSeconds: 17))
        XCTAssertFalse(response.meta.replayed)
    }

    func testGetsCarryNoIdempotencyKeyAndPostsAlwaysDo() async throws {
        let server = try LoopbackServer([.respond(status: 200, body: #"{"id":"x"}"#)])
        let client = makeClient(server)
        _ = try await client.send(APIRequest(.get, "clients"), as: Echo.self)
        _ = try await client.send(APIRequest(.post, "clients"), as: Echo.self)
        _ = try await client.send(APIRequest(.post, "clients"), as: Echo.self)
        let keys = server.requests.map { $0.header("Idempotency-Key") }
        XCTAssertNil(keys[0])
        XCTAssertNotNil(keys[1])
        XCTAssertNotEqual(keys[1], keys[2], "two calls are two logical requests")
    }

    func testETagVersions() {
        XCTAssertEqual(ResponseMetadata.version(fromETag: "\"12\""), 12)
        XCTAssertEqual(ResponseMetadata.version(fromETag: "W/\"3\""), 3)
        XCTAssertNil(ResponseMetadata.version(fromETag: "12"))
        XCTAssertNil(ResponseMetadata.version(fromETag: "\"x\""))
    }

    func testIdempotencyKeyRules() {
        XCTAssertNil(IdempotencyKey(""))
        XCTAssertNil(IdempotencyKey(String(repeating: "k", count: 256)))
        XCTAssertNotNil(IdempotencyKey(String(repeating: "k", count: 255)))
        XCTAssertNil(IdempotencyKey("tab\there"))
        XCTAssertNil(IdempotencyKey("é"))
    }

    func testBaseURLWithoutTrailingSlash() async throws {
        let server = try LoopbackServer([.respond(status: 200, body: #"{"id":"x"}"#)])
        let base = try XCTUnwrap(URL(string: "http://127.0.0.1:\(server.port)/v1"))
        let client = APIClient(baseURL: base, key: testKey)
        _ = try await client.send(APIRequest(.get, "clients/cl_1"), as: Echo.self)
        XCTAssertEqual(server.requests.first?.path, "/v1/clients/cl_1")
    }
}
