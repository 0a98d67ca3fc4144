import APIClient
import FincoreModel
import Foundation
import XCTest

/// The hostile-server cases about paging and waiting: `meta.total` that lies, pages that
/// repeat, `Retry-After` of a day.
extension HostileServerTests {
    // MARK: Lying paging

    /// `meta.total` only ever ends paging early: a million promised and an empty page ends it;
    /// three promised while full pages keep coming ends at the third object; a negative total
    /// ends after the first page. Offsets are counted from what was asked, not from `meta.offset`.
    func testLyingTotalNeverProlongsPaging() async throws {
        let one = ModelFixtures.json(ModelFixtures.client())
        let two = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc124")
        let three = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc125")
        let four = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc126")
        let scenarios: [(pages: [String], requests: Int)] = [
            ([ModelFixtures.page([one, two], total: 1_000_000, limit: 2, offset: 0),
              ModelFixtures.page([], total: 1_000_000, limit: 2, offset: 2)], 2),
            ([ModelFixtures.page([one, two], total: 3, limit: 2, offset: 0),
              ModelFixtures.page([three, four], total: 3, limit: 2, offset: 0)], 2),
            ([ModelFixtures.page([one, two], total: -5, limit: 2, offset: 0)], 1),
        ]
        for (index, scenario) in scenarios.enumerated() {
            let server = try LoopbackServer(scenario.pages.map { .respond(status: 200, body: $0) })
            var pages = 0
            for try await _ in makeClient(server).clientPages(ListQuery(limit: 2)) { pages += 1 }
            XCTAssertEqual(pages, scenario.requests, "scenario \(index)")
            XCTAssertEqual(server.requests.count, scenario.requests, "scenario \(index)")
            XCTAssertEqual(server.requests.map(\.query), Array(["limit=2&offset=0", "limit=2&offset=2"].prefix(scenario.requests)))
        }
    }

    /// A server answering every offset with the same full page (and a total of a million) is
    /// caught at the second page, not paged through 500,000 times; one cycling through two
    /// pages at the third.
    func testRepeatedPageEndsListingWithAnError() async throws {
        let one = ModelFixtures.json(ModelFixtures.client())
        let two = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc124")
        // `meta.limit` lies too (100 for the 2 asked): the page still counts as full.
        let server = try LoopbackServer([.respond(status: 200, body: ModelFixtures.page([one, two], total: 1_000_000,
                                                                                       limit: 100, offset: 0))])
        var pages = 0
        let client = makeClient(server)
        let error = await expectAPIError {
            for try await _ in client.clientPages(ListQuery(limit: 2)) { pages += 1 }
        }
        XCTAssertEqual(pages, 1)
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(error, APIError.malformed(MalformedResponse(
            status: 200, problem: .unexpectedShape(field: "data", message: "repeats items already listed (offset 2)"),
            byteCount: 0)))

        // Cycling between two pages is caught as well, at the third.
        let three = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc125")
        let four = one.replacingOccurrences(of: "cl_abc123", with: "cl_abc126")
        let pageA = ModelFixtures.page([one, two], total: 1_000_000, limit: 2, offset: 0)
        let pageB = ModelFixtures.page([three, four], total: 1_000_000, limit: 2, offset: 2)
        let cycling = try LoopbackServer { index, _ in .respond(status: 200, body: index % 2 == 0 ? pageA : pageB) }
        let cycled = makeClient(cycling)
        let again = await expectAPIError { for try await _ in cycled.clientPages(ListQuery(limit: 2)) {} }
        XCTAssertEqual(cycling.requests.count, 3)
        XCTAssertEqual(again?.recovery, .giveUp)
    }

    // MARK: Retry-After of a day

    /// `429` with `Retry-After: 86400`: the call fails at once with `wait 86400s`, having slept
    /// nothing; later calls are not sent and not queued for a day either, but fail at once
    /// with the time left; once that time has passed, calls go out again.
    func testRetryAfterOfADayOn429() async throws {
        let clock = ManualClock()
        let server = try LoopbackServer([
            .respond(status: 429, headers: rateHeaders(remaining: 0, reset: 60).merging(["Retry-After": "86400"]) { $1 },
                     body: errorJSON("rate_limited")),
            .respond(status: 200, headers: rateHeaders(), body: #"{"id":"ok"}"#),
        ])
        let client = makeClient(server, policy: .standard, clock: clock)
        let first = await expectAPIError {
            try await self.within { try await client.send(APIRequest(.get, "loans"), as: Echo.self) }
        }
        XCTAssertEqual(first?.status, 429)
        XCTAssertEqual(first?.recovery, .wait(seconds: 86400))
        XCTAssertEqual(clock.now(), .zero, "nothing was slept")

        clock.advance(by: .seconds(400))
        let second = await expectAPIError {
            try await self.within { try await client.send(APIRequest(.get, "clients"), as: Echo.self) }
        }
        guard case .http(let held)? = second else { return XCTFail(String(describing: second)) }
        XCTAssertEqual(held.status, 429)
        XCTAssertEqual(held.retryAfterSeconds, 86000)
        XCTAssertEqual(held.request, "GET clients")
        XCTAssertEqual(second?.recovery, .wait(seconds: 86000))
        XCTAssertEqual(held.message, "Not sent: the server asked this client to wait 86000s before its next request")
        XCTAssertEqual(server.requests.count, 1, "held back, not sent")
        let counters = await client.scheduler.counters
        XCTAssertEqual(counters.heldBack, 1)
        XCTAssertEqual(counters.throttled, 1)
        let snapshot = await client.scheduler.snapshot(.most)
        XCTAssertEqual(snapshot.waiting, 0, "nobody queued for a day")

        clock.advance(by: .seconds(86000))
        let third = try await within { try await client.send(APIRequest(.get, "clients"), as: Echo.self) }
        XCTAssertEqual(third.value.id, "ok")
        XCTAssertEqual(server.requests.count, 2)
    }

    /// `503` with `Retry-After: 86400`: not retried, `wait 86400s`, nothing slept; a 503 does
    /// not pause the rate-limit bucket, so the next call is sent.
    func testRetryAfterOfADayOn503() async throws {
        let clock = ManualClock()
        let server = try LoopbackServer([.respond(status: 503, headers: ["Retry-After": "86400"], body: errorJSON("unavailable"))])
        let client = makeClient(server, policy: .standard, clock: clock)
        for _ in 0..<2 {
            let error = await expectAPIError {
                try await self.within { try await client.send(APIRequest(.get, "loans"), as: Echo.self) }
            }
            XCTAssertEqual(error?.status, 503)
            XCTAssertEqual(error?.recovery, .wait(seconds: 86400))
            XCTAssertEqual(error?.httpFailure?.retryAfterSeconds, 86400)
        }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(clock.now(), .zero)
    }

    /// A download answered `429` with a day's `Retry-After` fails at once too.
    func testRetryAfterOfADayOnADownload() async throws {
        let clock = ManualClock()
        let server = try LoopbackServer([.respond(status: 429, headers: ["Retry-After": "86400"], body: errorJSON("rate_limited"))])
        let client = makeClient(server, policy: .standard, clock: clock)
        for _ in 0..<2 {
            let error = await expectAPIError {
                try await self.within { try await client.streamLines(APIRequest(.get, "reports/rp_1/download")) }
            }
            XCTAssertEqual(error?.status, 429)
            XCTAssertEqual(error?.recovery, .wait(seconds: 86400))
        }
        XCTAssertEqual(server.requests.count, 1)
    }
}
