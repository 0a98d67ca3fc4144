import APIClient
import FincoreModel
import Foundation
import HTTP
import Replica
@testable import Sync
import XCTest

/// A hostile server against the sync side (issue 9): the pull ends in a clear error within a
/// bounded number of requests, and the replica is never half-applied: a page with one bad
/// object is refused whole, `PRAGMA integrity_check` stays `ok`, the cursor never moves past
/// what was stored.
final class HostileServerSyncTests: SyncTestCase {
    private var api: HostileAPI?

    override func tearDown() async throws {
        await api?.stop()
        api = nil
        try await super.tearDown()
    }

    // MARK: Pages that repeat forever

    /// Every request answered with the same full page of 100 (one `updated_at`, or the server
    /// ignoring `updated_since` and `offset` altogether): the pull stops with `PullStalled`
    /// after 1 + 3 requests (2 + 3 in the second form), keeps the first page (it was real data), and leaves the cursor
    /// where it was. A later pull resumes and gets its own three tries, not zero.
    func testRepeatingPagesStopWithinABoundedNumberOfRequests() async throws {
        for spread in [false, true] {
            let items = (0..<100).map { HostileAPI.client($0, updatedSecond: spread ? Int64($0) : 0) }
            let api = try await start { _, request in
                request.path == "/v1/clients" ? HostileAPI.page(items, total: 1_000_000) : HostileAPI.quiet(request)
            }
            let replica = try Replica(path: replicaPath("repeat-\(spread)"))
            let puller = Puller(client: try hostileClient(api), replica: replica, scope: .all)
            let meter = await SyncMeter.start(client: puller.client, callback: nil)

            for round in 1...2 {
                do {
                    _ = try await puller.pull(.clients, meter: meter)
                    XCTFail("a repeating server must stop the pull")
                } catch let stalled as PullStalled {
                    XCTAssertEqual(stalled.repeatedPages, PullPager.maximumRepeatedPages)
                    XCTAssertEqual(stalled.resource, "clients")
                    XCTAssertTrue(stalled.description.contains("repeating itself"), stalled.description)
                }
                // Spread: the second page re-offers 99 objects older than `since` (the pager only
                // remembers keys at or after `since`), which counts as news once; then 3 repeats.
                let first = (spread ? 2 : 1) + PullPager.maximumRepeatedPages
                let expected = round == 1 ? first : first + PullPager.maximumRepeatedPages
                XCTAssertEqual(api.listRequests("clients").count, expected, "spread \(spread), round \(round)")
            }
            XCTAssertEqual(try replica.clients(limit: 1000).count, 100)
            let state = PullState.load(.clients, from: try replica.cursor(for: "clients"))
            XCTAssertNil(state.cursor.updatedAt, "the cursor did not move: the pull never completed")
            XCTAssertFalse(state.initialized)
            XCTAssertEqual(try replica.integrityCheck(), ["ok"])
            await api.stop()
        }
    }

    /// The pager's rule alone, without a network: the same full page fed again and again stops
    /// it after `maximumRepeatedPages` repeats; a page bringing one new object resets the count;
    /// a checkpoint does not carry the count into a resumed pull.
    func testPagerStopsOnRepeatedPages() throws {
        let t = HostileAPI.t0
        let full = (0..<100).map { PullPager.Item(id: String(format: "cl_p%03d", $0), updatedAt: t, version: 1) }
        var pager = PullPager(cursor: PullCursor())
        XCTAssertEqual(pager.receive(full).count, 100)
        XCTAssertEqual(pager.receive(full).count, 0)
        XCTAssertEqual(pager.receive(full).count, 0)
        var changed = full
        changed[7] = PullPager.Item(id: "cl_p007", updatedAt: t, version: 2)
        XCTAssertEqual(pager.receive(changed).count, 1, "one new version is progress")
        XCTAssertEqual(pager.repeatedPages, 0)
        for _ in 0..<PullPager.maximumRepeatedPages { XCTAssertNotNil(pager.nextRequest); _ = pager.receive(changed) }
        XCTAssertTrue(pager.isStalled)
        XCTAssertNil(pager.nextRequest)
        XCTAssertFalse(pager.isFinished, "stalled is not finished: the cursor must not advance")
        let resumed = try JSONDecoder().decode(PullPager.self, from: JSONEncoder().encode(pager))
        XCTAssertFalse(resumed.isStalled)
        XCTAssertEqual(resumed.offset, pager.offset)
    }

    /// Through the engine, a repeating server ends the sync as `failed` with the reason.
    func testRepeatingPagesFailTheSyncWithTheReason() async throws {
        let items = (0..<100).map { HostileAPI.client($0) }
        let api = try await start { _, request in
            request.path == "/v1/clients" ? HostileAPI.page(items, total: 100) : HostileAPI.quiet(request)
        }
        let engine = SyncEngine(client: try hostileClient(api), replica: try Replica(path: replicaPath()))
        let summary = await engine.pull()
        guard case .failed(let reason) = summary.outcome else { return XCTFail("\(summary.outcome)") }
        XCTAssertEqual(reason, "pull of clients stopped: the server answered 3 full pages in a row with nothing new "
                       + "(at updated_since \(HostileAPI.t0), offset 300); it is repeating itself")
        XCTAssertLessThanOrEqual(api.listRequests("clients").count, 2 + PullPager.maximumRepeatedPages,
                                 "one size probe, then at most four pages")
    }

    // MARK: meta.total that lies

    /// `meta.total` of `Int.max` over a short page: the pull ends at the short page, progress
    /// reports stay sane (the ETA is clamped instead of trapping), and the last report of the
    /// pull says what was really read.
    func testTotalThatPromisesTooMuch() async throws {
        let items = (0..<3).map { HostileAPI.client($0, updatedSecond: Int64($0)) }
        let api = try await start { _, request in
            request.path == "/v1/clients" ? HostileAPI.page(items, total: Int.max) : HostileAPI.quiet(request)
        }
        let replica = try Replica(path: replicaPath())
        let puller = Puller(client: try hostileClient(api), replica: replica, scope: .all)
        let reports = ProgressLog()
        let meter = await SyncMeter.start(client: puller.client, callback: { reports.append($0) })
        try await Task.sleep(for: .milliseconds(20))  // a phase with elapsed time, so a rate and an ETA exist
        let summary = try await puller.pull(.clients, meter: meter)
        XCTAssertEqual(summary.pulled, 3)
        XCTAssertEqual(api.listRequests("clients").count, 1)
        let pulls = reports.all.filter { $0.phase == .pull }
        XCTAssertEqual(pulls.first?.total, Int.max)
        XCTAssertEqual(pulls.last?.done, 3)
        XCTAssertEqual(pulls.last?.total, 3)
        for report in pulls { XCTAssertLessThanOrEqual(report.eta ?? .zero, .seconds(365 * 86_400)) }
        XCTAssertEqual(try replica.integrityCheck(), ["ok"])
    }

    /// The ETA of an absurd total at a slow rate (9.2e18 objects at 50 a second) is beyond
    /// Int64 milliseconds: it is clamped to a year, where converting it used to trap.
    func testAbsurdTotalDoesNotTrapTheProgressETA() async throws {
        let api = try await start { _, request in HostileAPI.quiet(request) }
        let reports = ProgressLog()
        let meter = await SyncMeter.start(client: try hostileClient(api), callback: { reports.append($0) })
        await meter.report(.pull, .clients, done: 0, total: Int.max)
        try await Task.sleep(for: .milliseconds(20))
        await meter.report(.pull, .clients, done: 1, total: Int.max)
        XCTAssertEqual(reports.all.last?.eta, .milliseconds(Int64(SyncMeter.longestETA)))
    }

    /// `meta.total` of 3 while full pages keep coming: the pager ignores `total` and reads on
    /// until the short page; progress never shows more done than its total.
    func testTotalThatPromisesTooLittle() async throws {
        let api = try await start { _, request in
            guard request.path == "/v1/clients" else { return HostileAPI.quiet(request) }
            // Pages by `updated_since`: second s holds client s; 250 clients in all.
            let since = request.queryValue("updated_since").flatMap { Timestamp($0) }
            let first = since.map { Int(($0.microsecondsSinceEpoch - HostileAPI.t0.microsecondsSinceEpoch) / 1_000_000) } ?? 0
            let items = (first..<min(first + 100, 250)).map { HostileAPI.client($0, updatedSecond: Int64($0)) }
            return HostileAPI.page(items, total: 3)
        }
        let replica = try Replica(path: replicaPath())
        let puller = Puller(client: try hostileClient(api), replica: replica, scope: .all)
        let reports = ProgressLog()
        let meter = await SyncMeter.start(client: puller.client, callback: { reports.append($0) })
        let summary = try await puller.pull(.clients, meter: meter)
        XCTAssertEqual(summary.pulled, 250)
        XCTAssertEqual(try replica.clients(limit: 1000).count, 250)
        XCTAssertEqual(api.listRequests("clients").count, 3, "pages start at 0, 99 and 198 s; the third is short")
        for report in reports.all where report.phase == .pull {
            XCTAssertLessThanOrEqual(report.done, report.total ?? .max)
        }
        let state = PullState.load(.clients, from: try replica.cursor(for: "clients"))
        XCTAssertEqual(state.cursor.updatedAt, HostileAPI.t0.adding(seconds: 249))
    }

    // MARK: Bad objects: refused whole, nothing half-applied

    /// After a good pull, a page of updates with one bad object (wrong id prefix, a negative
    /// amount, a string version, a tombstone of another type) is refused whole: the error names
    /// the item, the replica keeps the versions it had, the cursor stays where it was.
    func testPageWithOneBadObjectIsRefusedWhole() async throws {
        let good = (0..<5).map { HostileAPI.client($0, updatedSecond: Int64($0)) }
        let updated = (0..<5).map { HostileAPI.client($0, updatedSecond: 100 + Int64($0), version: 2, name: "Changed") }
        let payment = #"{"amount":-450000,"branch_id":"br_1","client_id":"cl_hostile0001","created_at":"2026-11-24T09:15:02.000000Z","currency":"KES","external_id":null,"failure_reason":null,"id":"py_hostile1","loan_id":"ln_hostile1","method":"cash","object":"payment","officer_id":"of_1","reference":null,"status":"succeeded","type":"repayment","updated_at":"2026-11-24T09:16:00.000000Z","version":1}"#
        let cases: [(resource: SyncResource, path: String, items: [String], field: String)] = [
            (.clients, "/v1/clients", Array(updated[0..<3]) + [updated[3].replacingOccurrences(of: "cl_hostile0003", with: "ln_hostile0003")] + [updated[4]],
             "data[3].id"),
            (.clients, "/v1/clients", Array(updated[0..<4]) + [updated[4].replacingOccurrences(of: #""version":2"#, with: #""version":"2""#)],
             "data[4].version"),
            (.payments, "/v1/payments", [payment], "data[0].amount"),
            (.loans, "/v1/loans", [#"{"id":"cl_hostile0002","object":"client","deleted":true,"updated_at":"2026-11-24T09:20:00.000000Z"}"#],
             "data[0].object"),
        ]
        for (index, bad) in cases.enumerated() {
            let phase = Phase()
            let api = try await start { _, request in
                guard request.path == bad.path || request.path == "/v1/clients" else { return HostileAPI.quiet(request) }
                if phase.second { return request.path == bad.path ? HostileAPI.page(bad.items, total: 5) : HostileAPI.quiet(request) }
                return request.path == "/v1/clients" ? HostileAPI.page(good, total: 5) : HostileAPI.page([], total: 0)
            }
            let replica = try Replica(path: replicaPath("bad-\(index)"))
            let puller = Puller(client: try hostileClient(api), replica: replica, scope: .all)
            let meter = await SyncMeter.start(client: puller.client, callback: nil)
            _ = try await puller.pull(.clients, meter: meter)
            let cursorBefore = try replica.cursor(for: bad.resource.cursorName)
            let versionsBefore = try replica.clients(limit: 100).map { "\($0.value.id)@\($0.value.version)" }
            XCTAssertEqual(versionsBefore.count, 5)

            phase.second = true
            do {
                _ = try await puller.pull(bad.resource, meter: meter)
                XCTFail("case \(index): the bad page must be refused")
            } catch let error as APIError {
                guard case .malformed(let failure) = error, case .unexpectedShape(let field, _) = failure.problem else {
                    return XCTFail("case \(index): \(error)")
                }
                XCTAssertEqual(field, bad.field, "case \(index)")
            }
            XCTAssertEqual(try replica.clients(limit: 100).map { "\($0.value.id)@\($0.value.version)" }, versionsBefore,
                           "case \(index): nothing of the page was applied")
            XCTAssertEqual(try replica.cursor(for: bad.resource.cursorName), cursorBefore, "case \(index): cursor unmoved")
            XCTAssertNil(try replica.payment(XCTUnwrap(PaymentID("py_hostile1"))), "case \(index)")
            XCTAssertEqual(try replica.integrityCheck(), ["ok"])
            await api.stop()
        }
    }

    /// An export whose fourth line is a client with a loan's id: the batches before it stay
    /// applied and checkpointed (a later sync resumes after them), the error names the line and
    /// field, the resource is not marked as synced and its cursor is not set.
    func testExportLineWithABadObjectStopsTheLoad() async throws {
        let report = #"{"id":"rp_hostile1","object":"report","type":"export","status":"completed","params":{"resource":"clients"},"result":{"url":"/v1/reports/rp_hostile1/download","as_of":"2026-11-24T10:00:00.000000Z","count":5}}"#
        let lines = (0..<5).map { HostileAPI.client($0) }
        let bad = lines[3].replacingOccurrences(of: "cl_hostile0003", with: "ln_hostile0003")
        let body = ([lines[0], lines[1], lines[2], bad, lines[4]]).joined(separator: "\n") + "\n"
        let api = try await start { _, request in
            switch request.path {
            case "/v1/reports": return HostileAPI.json(report, status: 202)
            case "/v1/reports/rp_hostile1": return HostileAPI.json(report)
            case "/v1/reports/rp_hostile1/download":
                return HTTPResponse(headers: ["Content-Type": "application/x-ndjson"], body: Data(body.utf8))
            default: return HostileAPI.quiet(request)
            }
        }
        let replica = try Replica(path: replicaPath())
        let client = try hostileClient(api)
        var loader = ExportLoader(client: client, replica: replica, scope: .all)
        loader.batchSize = 2
        var state = PullState.load(.clients, from: nil)
        let meter = await SyncMeter.start(client: client, callback: nil)
        do {
            _ = try await loader.load(.clients, state: &state, meter: meter)
            XCTFail("the bad line must stop the load")
        } catch let error as APIError {
            guard case .malformed(let failure) = error, case .unexpectedShape(let field, let message) = failure.problem else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(field, "line 4: id")
            XCTAssertEqual(message, "must be a client id starting with cl_")
        }
        XCTAssertEqual(try replica.clients(limit: 100).count, 2, "the first batch only")
        let saved = PullState.load(.clients, from: try replica.cursor(for: "clients"))
        XCTAssertEqual(saved.export?.applied, 2)
        XCTAssertFalse(saved.initialized)
        XCTAssertNil(saved.cursor.updatedAt)
        XCTAssertEqual(try replica.integrityCheck(), ["ok"])
    }

    // MARK: Retry-After of a day

    /// `429` with `Retry-After: 86400` on the first list: the sync ends at once as rate limited with
    /// the server's word in its reason; a second sync sends nothing (the bucket is paused) and
    /// ends the same way at once, never waiting a day.
    func testRetryAfterOfADayEndsTheSyncAtOnce() async throws {
        let api = try await start { _, _ in
            HostileAPI.error(429, "rate_limited", headers: [("Retry-After", "86400")])
        }
        let engine = SyncEngine(client: try hostileClient(api), replica: try Replica(path: replicaPath()))
        let first = await engine.pull()
        guard case .rateLimited(let reason) = first.outcome else { return XCTFail("\(first.outcome)") }
        XCTAssertTrue(reason.contains("HTTP 429 rate_limited"), reason)
        XCTAssertTrue(reason.contains("(retry after 86400s)"), reason)
        XCTAssertEqual(api.requests.count, 1)

        let second = await engine.pull()
        guard case .rateLimited(let again) = second.outcome else { return XCTFail("\(second.outcome)") }
        XCTAssertTrue(again.contains("Not sent: the server asked this client to wait"), again)
        XCTAssertEqual(api.requests.count, 1, "nothing sent while the server's pause lasts")
        XCTAssertEqual(second.requests, 0)
    }

    // MARK: Helpers

    private func start(_ script: @escaping HostileAPI.Script) async throws -> HostileAPI {
        let api = try await HostileAPI.start(script)
        self.api = api
        return api
    }

    /// A client of `api` with the sync tests' short timeouts.
    private func hostileClient(_ api: HostileAPI) throws -> APIClient {
        var configuration = APIClient.Configuration()
        configuration.requestTimeout = .seconds(2)
        configuration.retryPolicy = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100),
                                                maxRetryAfter: .seconds(5), deadline: .seconds(10))
        return APIClient(baseURL: api.baseURL, key: try XCTUnwrap(APIKey("sk_test_hostile_sync")), configuration: configuration)
    }

    /// Which half of a test the server is in.
    private final class Phase: @unchecked Sendable {
        // @unchecked: `flag` is only touched under `lock`.
        private let lock = NSLock()
        private var flag = false
        var second: Bool {
            get { lock.withLock { flag } }
            set { lock.withLock { flag = newValue } }
        }
    }

    /// Progress reports heard by a callback.
    private final class ProgressLog: @unchecked Sendable {
        // @unchecked: `reports` is only touched under `lock`.
        private let lock = NSLock()
        private var reports: [SyncProgress] = []
        func append(_ report: SyncProgress) { lock.withLock { reports.append(report) } }
        var all: [SyncProgress] { lock.withLock { reports } }
    }
}
