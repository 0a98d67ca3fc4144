import APIClient
import FincoreModel
import XCTest

/// The API key never appears in any description, error, event or dump.
final class RedactionTests: XCTestCase {
    func testKeyDescriptionsShowOnlyTheKind() {
        XCTAssertEqual(testKey.description, "sk_test_…(redacted)")
        XCTAssertEqual("\(testKey)", "sk_test_…(redacted)")
        XCTAssertEqual(String(reflecting: testKey), "APIKey(sk_test_…(redacted))")
        XCTAssertEqual(APIKey("abcdefgh")?.description, "…(redacted)")
        XCTAssertEqual(APIKey("sk_x")?.description, "…(redacted)", "a prefix longer than half the key is hidden")
        XCTAssertNil(APIKey("  "))
        XCTAssertNil(APIKey("sk_with space"))
    }

    func testNothingTheClientPrintsHoldsTheKey() async throws {
        let server = try LoopbackServer([
            .respond(status: 200, headers: rateHeaders(), body: #"{"id":"cl_1"}"#),
            .respond(status: 401, body: errorJSON("unauthorized", "Unknown key")),
            .respond(status: 502, headers: ["Content-Type": "text/html"], body: "<html>proxy</html>"),
            .close,
        ])
        let events = EventLog()
        let client = makeClient(server, events: events)
        var texts: [String] = [client.description, String(reflecting: client), "\(client)"]
        var dumped = ""
        dump(client, to: &dumped)
        texts.append(dumped)
        _ = try await client.send(APIRequest(.post, "clients", body: Data("{}".utf8)), as: Echo.self)
        for _ in 0..<3 {
            if let error = await expectAPIError({ try await client.send(APIRequest(.get, "clients"), as: Echo.self) }) {
                texts += [error.description, String(reflecting: error), "\(error)", error.localizedDescription]
                var errorDump = ""
                dump(error, to: &errorDump)
                texts.append(errorDump)
            }
        }
        texts += events.all.map(\.description)
        texts += events.all.map { String(reflecting: $0) }
        XCTAssertTrue(server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(testKeyText)" },
                      "the key does go to the server")
        XCTAssertTrue(texts.contains { $0.contains("[redacted]") }, "events show the header, redacted")
        for text in texts {
            XCTAssertFalse(text.contains(testKeyText), "leaked in: \(text)")
            XCTAssertFalse(testKey.occurs(in: text))
            XCTAssertFalse(text.contains("S3cr3t"), "leaked in: \(text)")
        }
        XCTAssertTrue(client.description.contains("sk_test_…"))
    }
}
