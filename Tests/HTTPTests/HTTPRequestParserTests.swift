import Foundation
import XCTest

@testable import HTTP

/// The parser fed whole and byte by byte, and every error it reports.
final class HTTPRequestParserTests: XCTestCase {
    /// Parses `text` in one chunk and byte by byte; both must agree. Returns the requests.
    func parseAll(_ text: String, limits: HTTPRequestParser.Limits = .init()) throws -> [HTTPRequest] {
        var whole = HTTPRequestParser(limits: limits)
        whole.append(Array(text.utf8))
        var wholeRequests: [HTTPRequest] = []
        while let request = try whole.nextRequest() { wholeRequests.append(request) }

        var bytewise = HTTPRequestParser(limits: limits)
        var byteRequests: [HTTPRequest] = []
        for byte in text.utf8 {
            bytewise.append([byte])
            while let request = try bytewise.nextRequest() { byteRequests.append(request) }
        }
        XCTAssertEqual(wholeRequests.map(\.target), byteRequests.map(\.target))
        XCTAssertEqual(wholeRequests.map(\.body), byteRequests.map(\.body))
        XCTAssertTrue(whole.isIdle)
        return wholeRequests
    }

    /// The error for `text`, which must be the same whether fed whole or byte by byte.
    func parseError(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPParseError? {
        func run(_ chunks: [[UInt8]]) -> HTTPParseError? {
            var parser = HTTPRequestParser(limits: limits)
            do {
                for chunk in chunks {
                    parser.append(chunk)
                    while try parser.nextRequest() != nil {}
                }
            } catch {
                return error
            }
            return nil
        }
        let whole = run([Array(text.utf8)])
        XCTAssertEqual(whole, run(text.utf8.map { [$0] }), "byte-by-byte disagrees for \(text.debugDescription)")
        return whole
    }

    func testGetWithQueryAndHeaders() throws {
        let requests = try parseAll(
            "GET /v1/loans?limit=5&status=active&external_id=a%2Bb+c&flag HTTP/1.1\r\n"
                + "Host: api.example\r\nX-Multi: one\r\nx-multi:  two \r\nAuthorization: Bearer k\r\n\r\n")
        XCTAssertEqual(requests.count, 1)
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.method, .get)
        XCTAssertEqual(request.path, "/v1/loans")
        XCTAssertEqual(request.version, .http1_1)
        XCTAssertEqual(request.queryValue("limit"), "5")
        XCTAssertEqual(request.queryValue("external_id"), "a+b+c")
        XCTAssertEqual(request.queryValue("flag"), "")
        XCTAssertNil(request.queryValue("offset"))
        XCTAssertEqual(request.headers.values(for: "X-MULTI"), ["one", "two"])
        XCTAssertEqual(request.headers["authorization"], "Bearer k")
        XCTAssertTrue(request.keepAlive)
        XCTAssertEqual(request.body, Data())
    }

    func testPercentDecodedPath() throws {
        let request = try XCTUnwrap(try parseAll("GET /v1/clients/cl%5F1%2Fx HTTP/1.1\r\nHost: h\r\n\r\n").first)
        XCTAssertEqual(request.path, "/v1/clients/cl_1/x")
        XCTAssertEqual(request.rawPath, "/v1/clients/cl%5F1%2Fx")
    }

    func testPostBodyAndPipelinedRequests() throws {
        let text = "POST /v1/clients HTTP/1.1\r\nHost: h\r\nContent-Length: 13\r\n\r\n{\"a\":\"héllo\"}"
            .replacingOccurrences(of: "13", with: "\("{\"a\":\"héllo\"}".utf8.count)")
            + "\r\nGET /two HTTP/1.1\r\nHost: h\r\n\r\n"
        let requests = try parseAll(text)
        XCTAssertEqual(requests.map(\.path), ["/v1/clients", "/two"])
        XCTAssertEqual(String(decoding: requests[0].body, as: UTF8.self), "{\"a\":\"héllo\"}")
    }

    func testKeepAliveRules() throws {
        let close = try parseAll("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n")
        XCTAssertEqual(close.first?.keepAlive, false)
        let old = try parseAll("GET / HTTP/1.0\r\n\r\n")
        XCTAssertEqual(old.first?.keepAlive, false)
        let oldKept = try parseAll("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        XCTAssertEqual(oldKept.first?.keepAlive, true)
    }

    func testAbsoluteFormIsReducedToThePath() throws {
        let request = try parseAll("GET http://h:8080/v1/x?y=1 HTTP/1.1\r\nHost: h\r\n\r\n").first
        XCTAssertEqual(request?.target, "/v1/x?y=1")
    }

    func testExpectContinueIsReported() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        XCTAssertNil(try parser.nextRequest())
        XCTAssertTrue(parser.awaitsContinue)
        parser.continueSent()
        XCTAssertFalse(parser.awaitsContinue)
        parser.append(Array("ok".utf8))
        XCTAssertEqual(try parser.nextRequest()?.body, Data("ok".utf8))
    }

    func testMalformedRequestLines() {
        for line in ["GET /\r\n", "GET  / HTTP/1.1\r\n", "GET / HTTP/1.1 x\r\n", "G(T / HTTP/1.1\r\n",
            "GET nopath HTTP/1.1\r\n", "GET / HTTX/1.1\r\n", "GET /%zz HTTP/1.1\r\n", "GET /?a=%4 HTTP/1.1\r\n"]
        {
            guard case .malformedRequestLine = parseError(line + "Host: h\r\n\r\n") else {
                return XCTFail("expected malformedRequestLine for \(line.debugDescription)")
            }
        }
        XCTAssertEqual(parseError("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), .unsupportedVersion("HTTP/2.0"))
    }

    func testMalformedHeaders() {
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n"), .malformedHeader("no colon"))
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n"), .malformedHeader("bad field name"))
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: h\r\n: x\r\n\r\n"), .malformedHeader("bad field name"))
        XCTAssertEqual(
            parseError("GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n folded\r\n\r\n"), .malformedHeader("obsolete line folding"))
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: h\r\nX: a\nY: b\r\n\r\n"), .malformedHeader("bare CR or LF"))
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\n\r\n"), .missingHost)
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), .missingHost)
    }

    func testNonASCIIIsRefusedAtOnce() {
        XCTAssertEqual(parseError("GET /é HTTP/1.1\r\n"), .invalidCharacter(offset: 5))
        var parser = HTTPRequestParser()
        parser.append([0x16, 0x03, 0x01, 0x02, 0x00])  // the start of a TLS ClientHello
        XCTAssertThrowsError(try parser.nextRequest()) { XCTAssertEqual($0 as? HTTPParseError, .invalidCharacter(offset: 0)) }
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: h\r\nX: \u{1}\r\n\r\n"), .invalidCharacter(offset: 28))
    }

    func testHeadersTooLarge() {
        let limits = HTTPRequestParser.Limits(maxHeadBytes: 64)
        let big = "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 100)
        XCTAssertEqual(parseError(big, limits: limits), .headersTooLarge(limit: 64))
        XCTAssertEqual(parseError(big + "\r\n\r\n", limits: limits), .headersTooLarge(limit: 64))
        XCTAssertEqual(
            parseError("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 17 * 1024)),
            .headersTooLarge(limit: 16 * 1024))
    }

    func testBodyTooLargeIsRefusedFromContentLengthAlone() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(2 << 20)\r\n\r\n"
        XCTAssertEqual(parseError(head), .payloadTooLarge(length: 2 << 20, limit: 1 << 20))
        XCTAssertEqual(
            parseError("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
            .payloadTooLarge(length: Int.max, limit: 1 << 20))
    }

    func testBadContentLength() {
        for value in ["abc", "-1", "1.5", "", "0x10"] {
            XCTAssertEqual(
                parseError("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n"),
                .invalidContentLength("not a decimal number"), value)
        }
        XCTAssertEqual(
            parseError("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"),
            .invalidContentLength("conflicting values"))
        XCTAssertNil(parseError("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nab"))
    }

    func testChunkedRequestBodiesAreRefused() {
        XCTAssertEqual(
            parseError("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"),
            .unsupportedTransferEncoding("chunked"))
    }

    func testErrorsStayFailedAndMapToStatuses() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n\r\n".utf8))
        XCTAssertThrowsError(try parser.nextRequest())
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        XCTAssertThrowsError(try parser.nextRequest())

        XCTAssertEqual(HTTPParseError.missingHost.status.code, 400)
        XCTAssertEqual(HTTPParseError.headersTooLarge(limit: 1).status.code, 431)
        XCTAssertEqual(HTTPParseError.payloadTooLarge(length: 2, limit: 1).status.code, 413)
        XCTAssertEqual(HTTPParseError.payloadTooLarge(length: 2, limit: 1).code, "payload_too_large")
        XCTAssertEqual(HTTPParseError.unsupportedTransferEncoding("chunked").status.code, 501)
        let response = HTTPParseError.headersTooLarge(limit: 16384).response
        XCTAssertEqual(
            response.bodyData.map { String(decoding: $0, as: UTF8.self) },
            #"{"error":{"code":"invalid_request","message":"Request headers too large (limit 16384 bytes)"}}"#)
    }

    func testErrorBodyEscapesAndDetails() {
        let body = HTTPResponse.errorBody(
            code: "invalid_request", message: "Bad \"x\"\n",
            details: [.init(field: "amount", message: "Amount must be greater than zero")])
        XCTAssertEqual(
            String(decoding: body, as: UTF8.self),
            #"{"error":{"code":"invalid_request","message":"Bad \"x\"\n","details":[{"field":"amount","message":"Amount must be greater than zero"}]}}"#)
    }
}
