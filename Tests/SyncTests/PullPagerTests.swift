import FincoreModel
import Sync
import XCTest

final class PullPagerTests: XCTestCase {
    private func at(_ seconds: Int64) -> Timestamp { Timestamp(microsecondsSinceEpoch: seconds * 1_000_000) }

    private func items(_ range: Range<Int>, second: (Int) -> Int64) -> [PullPager.Item] {
        range.map { PullPager.Item(id: String(format: "cl_%05d", $0), updatedAt: at(second($0)), version: 1) }
    }

    func testFirstPullAsksForEverythingThenMovesSinceToTheLastTimestamp() {
        var pager = PullPager(cursor: PullCursor())
        XCTAssertEqual(pager.nextRequest, .init(updatedSince: nil, offset: 0, limit: 100))
        let page = items(0..<100) { Int64($0) }
        XCTAssertEqual(pager.receive(page).count, 100)
        XCTAssertEqual(pager.nextRequest, .init(updatedSince: at(99), offset: 0, limit: 100))
        // The next page starts with the re-read tie at 99, which is not handed out twice.
        let next = items(99..<150) { Int64($0) }
        XCTAssertEqual(pager.receive(next).map(\.id), next.dropFirst().map(\.id))
        XCTAssertNil(pager.nextRequest)
        XCTAssertEqual(pager.newestUpdatedAt, at(149))
    }

    func testAPageOfOneTimestampStepsPastTheTieByOffset() {
        var pager = PullPager(cursor: PullCursor(updatedAt: at(100), id: "cl_x", lookback: 0))
        XCTAssertEqual(pager.nextRequest?.updatedSince, at(100))
        _ = pager.receive(items(0..<100) { _ in 100 })
        XCTAssertEqual(pager.nextRequest, .init(updatedSince: at(100), offset: 100, limit: 100))
        _ = pager.receive(items(100..<200) { _ in 100 })
        XCTAssertEqual(pager.nextRequest?.offset, 200)
        _ = pager.receive(items(200..<230) { $0 < 210 ? 100 : 101 })
        XCTAssertNil(pager.nextRequest)
    }

    func testAChangedObjectIsHandedOutAgainAtItsNewVersion() {
        var pager = PullPager(cursor: PullCursor())
        var page = items(0..<100) { Int64($0) }
        _ = pager.receive(page)
        page = [PullPager.Item(id: "cl_00099", updatedAt: at(99), version: 1),
                PullPager.Item(id: "cl_00003", updatedAt: at(120), version: 2)]
        XCTAssertEqual(pager.receive(page).map(\.id), ["cl_00003"])
    }

    func testTombstonesAreKeyedApartFromVersions() {
        var pager = PullPager(cursor: PullCursor())
        let fresh = pager.receive([
            .init(id: "cl_1", updatedAt: at(1), version: 3),
            .init(id: "cl_1", updatedAt: at(2), version: nil),
        ])
        XCTAssertEqual(fresh.count, 2)
    }

    func testTheNextLookbackIsTheLagPlusThePullDurationPlusMargin() {
        var pager = PullPager(cursor: PullCursor())
        _ = pager.receive(items(0..<10) { Int64($0) })
        let cursor = pager.finishedCursor(from: PullCursor(), elapsed: 2_500_000)
        XCTAssertEqual(cursor.updatedAt, at(9))
        XCTAssertEqual(cursor.id, "cl_00009")
        XCTAssertEqual(cursor.lookback, 10_000_000 + 1_000_000 + 2_500_000)
        XCTAssertEqual(cursor.since, Timestamp(microsecondsSinceEpoch: 9_000_000 - 13_500_000))
    }

    func testAnEmptyPullKeepsTheCursorButRefreshesTheLookback() {
        let old = PullCursor(updatedAt: at(50), id: "cl_z", lookback: 99_000_000)
        var pager = PullPager(cursor: old)
        _ = pager.receive([])
        let cursor = pager.finishedCursor(from: old, elapsed: 0)
        XCTAssertEqual(cursor.updatedAt, at(50))
        XCTAssertEqual(cursor.lookback, 11_000_000)
    }

    /// A simulation of the contract's worst case: writers commit during paging with `updated_at`
    /// up to 10 s in the past. Every object must be seen by this pull or reached by the next one.
    func testNothingIsMissedUnderCommitLagAcrossPulls() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var server = SimulatedServer()
            for index in 0..<300 { server.commit("cl_\(index)", using: &rng) }
            var cursor = PullCursor()
            var replica: [String: Int] = [:]
            for busy in [true, true, false] {
                var pager = PullPager(cursor: cursor)
                let start = server.clock
                while let request = pager.nextRequest {
                    if busy {
                        for _ in 0..<Int.random(in: 0...30, using: &rng) {
                            server.clock += Int64.random(in: 1...200_000, using: &rng)
                            server.commit("cl_\(Int.random(in: 0..<400, using: &rng))", using: &rng)
                        }
                    }
                    server.clock += 50_000
                    for item in pager.receive(server.page(request)) where (replica[item.id] ?? 0) < (item.version ?? 0) {
                        replica[item.id] = item.version
                    }
                }
                cursor = pager.finishedCursor(from: cursor, elapsed: server.clock - start)
            }
            let stale = server.objects.filter { replica[$0.key] != $0.value.version }.map(\.key).sorted()
            XCTAssertEqual(stale, [], "objects missed or stale after a quiet pull")
        }
    }
}

/// A server that stamps `updated_at` up to 10 s in the past and lists by `(updated_at, id)`.
private struct SimulatedServer {
    var objects: [String: (updatedAt: Int64, version: Int)] = [:]
    var clock: Int64 = 1_000_000_000

    mutating func commit(_ id: String, using rng: inout SystemRandomNumberGenerator) {
        clock += 10_000
        let lag = Int64.random(in: 0...PullCursor.maximumCommitLag, using: &rng)
        objects[id] = (clock - lag, (objects[id]?.version ?? 0) + 1)
    }

    func page(_ request: PullPager.Request) -> [PullPager.Item] {
        let since = request.updatedSince?.microsecondsSinceEpoch ?? .min
        return objects.filter { $0.value.updatedAt >= since }
            .sorted { ($0.value.updatedAt, $0.key) < ($1.value.updatedAt, $1.key) }
            .dropFirst(request.offset).prefix(request.limit)
            .map { PullPager.Item(id: $0.key, updatedAt: Timestamp(microsecondsSinceEpoch: $0.value.updatedAt),
                                  version: $0.value.version) }
    }
}
