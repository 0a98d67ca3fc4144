import Foundation
import XCTest

/// The contract's conventions, one or more tests per rule (§ Conventions, § Idempotency, § Rate limits).
final class ConventionTests: XCTestCase {
    func testUnauthenticatedRequestsAre401WithoutRateLimitHeaders() async throws {
        let sandbox = try await SandboxHarness()
        for key in [nil, "sk_wrong"] as [String?] {
            let answer = try await sandbox.call("GET", "clients", key: key)
            XCTAssertEqual(answer.status, 401)
            XCTAssertEqual(answer.errorCode, "unauthorized")
            XCTAssertNil(answer.header("X-RateLimit-Limit"))
        }
        let basic = try await sandbox.call("GET", "clients", key: nil, headers: ["Authorization": "Basic abc"])
        XCTAssertEqual(basic.status, 401)
        await sandbox.stop()
    }

    func testRateLimitHeadersCountDownAndThe429CarriesRetryAfter() async throws {
        let sandbox = try await SandboxHarness { $0.rateWindowSeconds = 30 }
        var remaining: [Int] = []
        for _ in 0..<100 {
            let answer = try await sandbox.call("GET", "clients")
            XCTAssertEqual(answer.status, 200)
            XCTAssertEqual(answer.header("X-RateLimit-Limit"), "100")
            XCTAssertNotNil(answer.header("X-RateLimit-Reset"))
            remaining.append(Int(answer.header("X-RateLimit-Remaining") ?? "") ?? -1)
        }
        XCTAssertEqual(remaining, Array((0..<100).reversed()))
        let refused = try await sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"],
                                             headers: ["Idempotency-Key": "k-429"])
        XCTAssertEqual(refused.status, 429)
        XCTAssertEqual(refused.errorCode, "rate_limited")
        XCTAssertEqual(refused.header("X-RateLimit-Remaining"), "0")
        let retryAfter = Int(refused.header("Retry-After") ?? "") ?? 0
        XCTAssertTrue((1...30).contains(retryAfter), "Retry-After \(retryAfter)")
        await sandbox.stop()
    }

    func testIdempotentReplayAfterTheConnectionDroppedPastTheCommit() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.setFaults(["drop_after_commit": 1])
        let body: [String: Any] = ["first_name": "Zawadi", "last_name": "Mwangi"]
        do {
            _ = try await sandbox.call("POST", "clients", json: body, headers: ["Idempotency-Key": "create-zawadi"])
            XCTFail("the connection should have been dropped")
        } catch {}
        try await sandbox.setFaults(["drop_after_commit": 0])
        let retried = try await sandbox.call("POST", "clients", json: body, headers: ["Idempotency-Key": "create-zawadi"])
        XCTAssertEqual(retried.status, 201)
        XCTAssertEqual(retried.header("Idempotent-Replayed"), "true")
        let all = try await sandbox.call("GET", "clients")
        XCTAssertEqual(all.data.count, 1, "the client was created exactly once")
        XCTAssertEqual(all.data.first?["id"] as? String, retried.id)
        let stats = try await sandbox.call("GET", "/_sandbox/stats", key: SandboxHarness.adminKey)
        XCTAssertEqual(stats.json["replays"] as? Int, 1, "the stats count the replay")
        await sandbox.stop()
    }

    func testConnectionDroppedBeforeTheCommitExecutesNothing() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.setFaults(["drop_before_commit": 1])
        do {
            _ = try await sandbox.call("POST", "clients", json: ["first_name": "Never", "last_name": "Made"],
                                       headers: ["Idempotency-Key": "dropped-early"])
            XCTFail("the connection should have been dropped")
        } catch {}
        try await sandbox.setFaults(["drop_before_commit": 0])
        let listed = try await sandbox.call("GET", "clients")
        XCTAssertEqual(listed.data.count, 0, "nothing was executed")
        let retried = try await sandbox.call("POST", "clients", json: ["first_name": "Never", "last_name": "Made"],
                                             headers: ["Idempotency-Key": "dropped-early"])
        XCTAssertEqual(retried.status, 201)
        XCTAssertNil(retried.header("Idempotent-Replayed"), "nothing was stored under the key either")
        await sandbox.stop()
    }

    func testSameKeyDifferentRequestIs422AndErrorsReplayToo() async throws {
        let sandbox = try await SandboxHarness()
        let key = ["Idempotency-Key": "k1"]
        let first = try await sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"], headers: key)
        XCTAssertEqual(first.status, 201)
        let other = try await sandbox.call("POST", "clients", json: ["first_name": "C", "last_name": "D"], headers: key)
        XCTAssertEqual(other.status, 422)
        XCTAssertEqual(other.errorCode, "idempotency_key_reused")

        let invalid = ["Idempotency-Key": "k2"]
        let refused = try await sandbox.call("POST", "clients", json: ["first_name": "A"], headers: invalid)
        XCTAssertEqual(refused.status, 400)
        let again = try await sandbox.call("POST", "clients", json: ["first_name": "A"], headers: invalid)
        XCTAssertEqual(again.status, 400)
        XCTAssertEqual(again.header("Idempotent-Replayed"), "true", "a 400 replays like a 2xx")

        let badKey = try await sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"],
                                            headers: ["Idempotency-Key": String(repeating: "x", count: 256)])
        XCTAssertEqual(badKey.status, 400)
        XCTAssertEqual(badKey.errorFields, ["Idempotency-Key"])
        await sandbox.stop()
    }

    func testFiveHundredsAreNotStoredSoARetryExecutes() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.setFaults(["error_503": 1])
        let body: [String: Any] = ["first_name": "A", "last_name": "B"]
        let unavailable = try await sandbox.call("POST", "clients", json: body, headers: ["Idempotency-Key": "k5"])
        XCTAssertEqual(unavailable.status, 503)
        XCTAssertEqual(unavailable.errorCode, "unavailable")
        XCTAssertNotNil(unavailable.header("Retry-After"))
        try await sandbox.setFaults(["error_503": 0])
        let retried = try await sandbox.call("POST", "clients", json: body, headers: ["Idempotency-Key": "k5"])
        XCTAssertEqual(retried.status, 201)
        XCTAssertNil(retried.header("Idempotent-Replayed"))
        await sandbox.stop()
    }

    func testInjected500IsInternalErrorAndExecutesNothing() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.setFaults(["error_500": 1])
        let failed = try await sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"])
        XCTAssertEqual(failed.status, 500)
        XCTAssertEqual(failed.errorCode, "internal_error")
        try await sandbox.setFaults(["error_500": 0])
        let all = try await sandbox.call("GET", "clients")
        XCTAssertEqual(all.data.count, 0)
        await sandbox.stop()
    }

    func testSameKeyWhileTheFirstRunsIs409() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.setFaults(["latency_ms": "400-400"])
        async let first = sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"],
                                       headers: ["Idempotency-Key": "slow"])
        try await Task.sleep(for: .milliseconds(150))
        async let second = sandbox.call("POST", "clients", json: ["first_name": "A", "last_name": "B"],
                                        headers: ["Idempotency-Key": "slow"])
        let answers = try await [first, second]
        XCTAssertEqual(answers.map(\.status), [201, 409])
        XCTAssertEqual(answers[1].errorCode, "idempotency_in_progress")
        await sandbox.stop()
    }

    func testPaginationClampsAndRefusesBadValues() async throws {
        let sandbox = try await SandboxHarness()
        for index in 0..<25 { _ = try await sandbox.makeClient(["first_name": "Client\(index)"]) }
        let defaults = try await sandbox.call("GET", "clients")
        XCTAssertEqual(defaults.data.count, 20)
        XCTAssertEqual(defaults.json["meta"] as? [String: Int], ["total": 25, "limit": 20, "offset": 0])
        let clamped = try await sandbox.call("GET", "clients?limit=500&offset=20")
        XCTAssertEqual(clamped.json["meta"] as? [String: Int], ["total": 25, "limit": 100, "offset": 20])
        XCTAssertEqual(clamped.data.count, 5)
        for bad in ["limit=0", "limit=-1", "limit=abc", "offset=-5", "offset=1.5", "sort=name",
                    "updated_since=yesterday", "include_deleted=maybe"] {
            let answer = try await sandbox.call("GET", "clients?\(bad)")
            XCTAssertEqual(answer.status, 400, bad)
            XCTAssertEqual(answer.errorFields, [String(bad.prefix { $0 != "=" })], bad)
        }
        await sandbox.stop()
    }

    func testIncrementalListingWithTombstonesInUpdatedOrder() async throws {
        let sandbox = try await SandboxHarness()
        let start = "2000-01-01T00:00:00Z"
        let a = try await sandbox.makeClient(["first_name": "A"])
        let b = try await sandbox.makeClient(["first_name": "B"])
        let c = try await sandbox.makeClient(["first_name": "C"])
        _ = try await sandbox.call("PATCH", "clients/\(a["id"] as? String ?? "")", json: ["last_name": "Later"])
        _ = try await sandbox.call("DELETE", "clients/\(b["id"] as? String ?? "")")
        let page = try await sandbox.call(
            "GET", "clients?sort=updated_at&updated_since=\(start)&include_deleted=true&limit=100")
        let ids = page.data.map { $0["id"] as? String ?? "" }
        XCTAssertEqual(ids, [c["id"], a["id"], b["id"]].map { $0 as? String ?? "" })
        XCTAssertEqual(page.data.last?["deleted"] as? Bool, true)
        XCTAssertEqual(page.data.last?["object"] as? String, "client")
        XCTAssertEqual(page.json["meta"] as? [String: Int], ["total": 3, "limit": 100, "offset": 0])

        let withoutSince = try await sandbox.call("GET", "clients?include_deleted=true")
        XCTAssertEqual(withoutSince.data.count, 2, "tombstones only come with updated_since")
        let filtered = try await sandbox.call(
            "GET", "clients?updated_since=\(start)&include_deleted=true&status=inactive")
        XCTAssertEqual(filtered.data.map { $0["id"] as? String }, [b["id"] as? String],
                       "tombstones ignore the filters")
        await sandbox.stop()
    }

    func testCommitLagStampsUpdatedAtInThePastButWithinTenSeconds() async throws {
        let sandbox = try await SandboxHarness { $0.faults.commitLagSeconds = 10 }
        let before = Date()
        var stamps: [Date] = []
        for _ in 0..<20 {
            let client = try await sandbox.makeClient()
            stamps.append(try XCTUnwrap(Self.date(client["updated_at"] as? String)))
        }
        XCTAssertTrue(stamps.allSatisfy { $0 <= Date() && $0 >= before.addingTimeInterval(-10.5) })
        XCTAssertTrue(stamps.contains { $0 < before.addingTimeInterval(-1) }, "some stamps lag by seconds")
        let since = ISO8601DateFormatter().string(from: before.addingTimeInterval(-11))
        let listed = try await sandbox.call("GET", "clients?sort=updated_at&updated_since=\(since)&limit=100")
        XCTAssertEqual(listed.data.count, 20, "a lookback of the maximum lag finds every object")
        await sandbox.stop()
    }

    func testRestartWithDataKeepsObjectsTombstonesAndIdempotencyRecords() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sandbox.sqlite").path
        let body: [String: Any] = ["first_name": "Kept", "last_name": "Client"]

        let first = try await SandboxHarness { $0.dataPath = path }
        let kept = try await first.call("POST", "clients", json: body, headers: ["Idempotency-Key": "keep"])
        let gone = try await first.makeClient()
        _ = try await first.call("DELETE", "clients/\(gone["id"] as? String ?? "")")
        await first.stop()

        let second = try await SandboxHarness { $0.dataPath = path }
        let shown = try await second.call("GET", "clients/\(kept.id)")
        XCTAssertEqual(shown.status, 200)
        XCTAssertEqual(shown.body, kept.body)
        let replay = try await second.call("POST", "clients", json: body, headers: ["Idempotency-Key": "keep"])
        XCTAssertEqual(replay.header("Idempotent-Replayed"), "true")
        XCTAssertEqual(replay.id, kept.id)
        let tombstones = try await second.call("GET", "clients?updated_since=2000-01-01T00:00:00Z&include_deleted=true")
        XCTAssertTrue(tombstones.data.contains { $0["id"] as? String == gone["id"] as? String && $0["deleted"] as? Bool == true })
        await second.stop()
    }

    func testOperatorRoutesNeedTheAdminKey() async throws {
        let sandbox = try await SandboxHarness()
        let anonymous = try await sandbox.call("GET", "/_sandbox/stats")
        XCTAssertEqual(anonymous.status, 401)
        let withAPIKey = try await sandbox.call("GET", "/_sandbox/stats", key: SandboxHarness.key)
        XCTAssertEqual(withAPIKey.status, 401)
        _ = try await sandbox.makeClient()
        let stats = try await sandbox.call("GET", "/_sandbox/stats", key: SandboxHarness.adminKey)
        XCTAssertEqual(stats.status, 200)
        XCTAssertEqual((stats.json["objects"] as? [String: Int])?["client"], 1)
        let bad = try await sandbox.call("POST", "/_sandbox/faults", json: ["error_503": 2], key: SandboxHarness.adminKey)
        XCTAssertEqual(bad.status, 400)
        await sandbox.stop()
    }

    private static func date(_ text: String?) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return text.flatMap { formatter.date(from: $0) }
    }
}
