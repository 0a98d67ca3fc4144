import Foundation
import XCTest

@testable import HTTP

/// The route table without sockets.
final class RouterTests: XCTestCase {
    let router = Router([
        .init(.get, "/v1/clients") { _ in HTTPResponse(text: "list") },
        .init(.post, "/v1/clients") { _ in HTTPResponse(status: .created, text: "created") },
        .init(.get, "/v1/clients/{id}") { HTTPResponse(text: "one \($0.pathParameters["id"] ?? "")") },
        .init(.post, "/v1/clients/{id}/kyc/verify") { HTTPResponse(text: "verify \($0.pathParameters["id"] ?? "")") },
        .init(.get, "/v1/reports/export") { _ in HTTPResponse(text: "literal") },
        .init(.get, "/v1/reports/{id}") { _ in HTTPResponse(text: "parameter") },
    ])

    func send(_ method: HTTPMethod, _ target: String) async throws -> (Int, String, String?) {
        let response = await router.handle(try HTTPRequest(method: method, target: target))
        let body = String(decoding: response.bodyData ?? Data(), as: UTF8.self)
        return (response.status.code, body, response.headers["Allow"])
    }

    func testParametersAreCapturedAndDecoded() async throws {
        let one = try await send(.get, "/v1/clients/cl_1")
        XCTAssertEqual(one.1, "one cl_1")
        let encoded = try await send(.post, "/v1/clients/cl%2F2/kyc/verify")
        XCTAssertEqual(encoded.1, "verify cl/2")
    }

    func testTableOrderDecidesBetweenLiteralAndParameter() async throws {
        let literal = try await send(.get, "/v1/reports/export")
        XCTAssertEqual(literal.1, "literal")
        let parameter = try await send(.get, "/v1/reports/rp_1")
        XCTAssertEqual(parameter.1, "parameter")
    }

    func testUnknownPathIs404() async throws {
        let (status, body, _) = try await send(.get, "/v1/clients/cl_1/nope")
        XCTAssertEqual(status, 404)
        XCTAssertEqual(body, #"{"error":{"code":"not_found","message":"No route for /v1/clients/cl_1/nope"}}"#)
    }

    func testWrongMethodIs405ListingAllowedMethods() async throws {
        let (status, body, allow) = try await send(.delete, "/v1/clients")
        XCTAssertEqual(status, 405)
        XCTAssertEqual(allow, "GET, POST, HEAD")
        XCTAssertEqual(
            body,
            #"{"error":{"code":"method_not_allowed","message":"Method DELETE is not allowed on /v1/clients; allowed: GET, POST, HEAD"}}"#)
        let verify = try await send(.get, "/v1/clients/cl_1/kyc/verify")
        XCTAssertEqual(verify.2, "POST")
    }

    func testHeadFallsBackToGet() async throws {
        let (status, body, _) = try await send(.head, "/v1/clients")
        XCTAssertEqual(status, 200)
        XCTAssertEqual(body, "list")
    }

    func testTrailingSlashMatchesTheSameRoute() async throws {
        let (status, _, _) = try await send(.get, "/v1/clients/")
        XCTAssertEqual(status, 200)
    }
}
