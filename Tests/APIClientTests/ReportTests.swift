import APIClient
import FincoreModel
import XCTest

/// Reports: the optional-feature fallback and the NDJSON download read as it streams.
final class ReportTests: XCTestCase {
    func testMissingReportsAreUnavailableForTheSession() async throws {
        let server = try LoopbackServer([.respond(status: 404, body: errorJSON("not_found", "No such route"))])
        let client = makeClient(server)
        let created = try await client.createReport(NewReport(type: .portfolio))
        guard case .unavailable = created else { return XCTFail("expected .unavailable") }
        let polled = try await client.report(try XCTUnwrap(ReportID("rp_abc123")))
        XCTAssertNil(polled.value)
        XCTAssertEqual(server.requests.count, 1, "once the server said no, the client stops asking")
        let available = await client.features.isAvailable(.reports)
        XCTAssertFalse(available)
    }

    func testA405AlsoMeansUnavailable() async throws {
        let server = try LoopbackServer([.respond(status: 405, headers: ["Allow": "GET"], body: errorJSON("method_not_allowed"))])
        let client = makeClient(server)
        let created = try await client.createReport(NewReport(type: .export, params: ReportParams(resource: .clients)))
        XCTAssertNil(created.value)
        XCTAssertEqual(RateLimitScheduler.Bucket.forPath(server.requests[0].path), .reports)
    }

    /// Lines split across chunks, CRLF, blank lines and a last line without a newline.
    func testDownloadStreamsLines() async throws {
        var body = ""
        for index in 0..<20_000 { body += #"{"id":"cl_\#(index)","version":\#(index)}"# + (index % 3 == 0 ? "\r\n" : "\n") }
        body += "\n" + #"{"id":"last","version":null}"#
        let server = try LoopbackServer([.respond(status: 200, headers: ["Content-Type": "application/x-ndjson"], body: body)])
        let client = makeClient(server)
        let download = try await client.downloadReport(try XCTUnwrap(ReportID("rp_abc123")))
        let lines = try XCTUnwrap(download.value)
        var count = 0
        var last: Echo?
        for try await echo in lines.decoded(as: Echo.self) {
            if count < 20_000 { XCTAssertEqual(echo.version, count) }
            count += 1
            last = echo
        }
        XCTAssertEqual(count, 20_001)
        XCTAssertEqual(last, Echo(id: "last", version: nil))
        XCTAssertEqual(server.requests.first?.path, "/v1/reports/rp_abc123/download")
    }

    /// A reader that falls behind still gets every line exactly once (4 MB, read after a pause:
    /// suspending the task for back-pressure duplicated chunks on Linux, see StreamingDelegate).
    func testASlowReaderGetsEveryLineExactlyOnce() async throws {
        let line = #"{"id":"\#(String(repeating: "x", count: 200))"}"# + "\n"
        let server = try LoopbackServer([.respond(status: 200, body: String(repeating: line, count: 20_000))])
        let client = makeClient(server)
        let download = try await client.downloadReport(try XCTUnwrap(ReportID("rp_abc123")))
        let lines = try XCTUnwrap(download.value)
        var count = 0
        for try await _ in lines {
            if count == 0 { try await Task.sleep(for: .milliseconds(300)) }
            count += 1
        }
        XCTAssertEqual(count, 20_000)
    }

    func testABadLineIsNamed() async throws {
        let server = try LoopbackServer([.respond(status: 200, body: "{\"id\":\"a\"}\n{\"nope\":1}\n")])
        let client = makeClient(server)
        let download = try await client.downloadReport(try XCTUnwrap(ReportID("rp_abc123")))
        let lines = try XCTUnwrap(download.value)
        var iterator = lines.decoded(as: Echo.self).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first?.id, "a")
        let error = await expectAPIError { try await iterator.next() }
        XCTAssertEqual(error?.description,
                       "malformed answer: GET reports/rp_abc123/download: HTTP 200 with unexpected JSON at line 2: id: is required (10 bytes)")
    }

    func testDownloadErrorsAreClassified() async throws {
        let server = try LoopbackServer([.respond(status: 404, body: errorJSON("not_found", "No such report"))])
        let client = makeClient(server)
        let error = await expectAPIError { try await client.downloadReport(try XCTUnwrap(ReportID("rp_abc123"))) }
        XCTAssertEqual(error?.httpFailure?.knownCode, .notFound)
    }
}
