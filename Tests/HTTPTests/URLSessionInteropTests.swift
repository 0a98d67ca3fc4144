import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import HTTP

/// URLSession, the agent's client, against the server in the same process, as the agent will run
/// the sandbox.
final class URLSessionInteropTests: XCTestCase {
    var server: HTTPServer!
    var base: URL!
    let session = URLSession(configuration: .ephemeral)

    override func setUp() async throws {
        server = HTTPServer(router: HTTPServerTests.makeRouter())
        let port = try await server.start()
        base = URL(string: "http://127.0.0.1:\(port)")
    }

    override func tearDown() async throws {
        session.invalidateAndCancel()
        await server.stop()
    }

    func testGetAndPostOverOneSession() async throws {
        let (data, response) = try await session.data(from: base.appendingPathComponent("v1/clients/cl_9/kyc/verify"))
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        XCTAssertEqual(http.statusCode, 200)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "cl_9 verify  true")

        var request = URLRequest(url: base.appendingPathComponent("echo"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body = Data(#"{"first_name":"Amina","amount":450000}"#.utf8) + Data(repeating: 0x20, count: 200_000)
        request.httpBody = body
        let (echoed, posted) = try await session.data(for: request)
        XCTAssertEqual((posted as? HTTPURLResponse)?.statusCode, 201)
        XCTAssertEqual(echoed, body)
    }

    func testErrorResponsesKeepTheirHeadersAndBody() async throws {
        var request = URLRequest(url: base.appendingPathComponent("hello"))
        request.httpMethod = "DELETE"
        let (data, response) = try await session.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        XCTAssertEqual(http.statusCode, 405)
        XCTAssertEqual(http.value(forHTTPHeaderField: "Allow"), "GET, HEAD")
        XCTAssertTrue(String(decoding: data, as: UTF8.self).hasPrefix(#"{"error":{"code":"method_not_allowed""#))
    }

    func testQueryItemsArriveDecoded() async throws {
        var components = try XCTUnwrap(URLComponents(url: base, resolvingAgainstBaseURL: false))
        components.path = "/v1/clients/cl%201/kyc/verify"
        components.percentEncodedPath = "/v1/clients/cl%201/kyc/verify"
        components.queryItems = [URLQueryItem(name: "updated_since", value: "2026-11-24T09:15:02.123456Z"),
            URLQueryItem(name: "external_id", value: "a b&c")]
        let (data, _) = try await session.data(from: try XCTUnwrap(components.url))
        XCTAssertEqual(
            String(decoding: data, as: UTF8.self),
            "cl 1 verify updated_since=2026-11-24T09:15:02.123456Z&external_id=a b&c true")
    }

    func testFaultsSurfaceAsTransportErrors() async throws {
        for path in ["drop", "truncate"] {
            do {
                let (data, _) = try await session.data(from: base.appendingPathComponent(path))
                XCTFail("\(path) answered \(data.count) bytes")
            } catch {
                // The client must see a failure, never a short body taken as complete.
            }
        }
    }

    func testStreamedBody() async throws {
        let (data, _) = try await session.data(from: base.appendingPathComponent("stream"))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n")
    }
}
