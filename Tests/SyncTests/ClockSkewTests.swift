import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// Cursors and lookback come from the server's timestamps (and monotonic time), never from the
/// laptop's clock (issue 7): agents whose clocks are hours off, or corrected between a killed
/// first sync and its resumption, sync exactly like an agent whose clock is right.
final class ClockSkewTests: SyncTestCase {
    /// An agent: its replica's clock is `checkpoint` seconds off while the first sync is
    /// cancelled halfway, and `resume` seconds off in every later run.
    private struct Agent {
        let name: String
        let checkpoint: Int64
        let resume: Int64
    }

    private let agents = [
        Agent(name: "right", checkpoint: 0, resume: 0),
        Agent(name: "hours-behind", checkpoint: -6 * 3600, resume: -6 * 3600),
        Agent(name: "hours-ahead", checkpoint: 6 * 3600, resume: 6 * 3600),
        Agent(name: "set-forward-between-runs", checkpoint: -40 * 86_400, resume: 0),
        Agent(name: "set-back-between-runs", checkpoint: 40 * 86_400, resume: 0),
    ]

    /// An engine (paging, no export) on replica `name` whose clock is `skew` seconds off.
    private func engine(_ name: String, skew: Int64) throws -> SyncEngine {
        var configuration = SyncEngine.Configuration()
        configuration.exportThreshold = Int.max
        let replica = try Replica(path: replicaPath(name), clock: { Timestamp.now().adding(seconds: skew) })
        return SyncEngine(client: try makeClient(), replica: replica, configuration: configuration)
    }

    func testAgentsWithSkewedClocksSyncExactlyLikeOneWithTheRightTime() async throws {
        try await startSandbox { $0.demoClients = 120 }
        let api = try makeClient()

        // A first sync cancelled halfway through the payments, resumed by a new engine.
        for agent in agents {
            let first = try engine(agent.name, skew: agent.checkpoint)
            let cancelled = await Task { await first.sync { progress in
                if progress.phase == .pull, progress.resource == .payments, progress.done >= 100 {
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            } }.value
            XCTAssertEqual(cancelled.outcome, .cancelled, agent.name)
            let state = try XCTUnwrap(try first.replica.cursor(for: "payments")?.state).decode(as: PullState.self)
            XCTAssertNotNil(state.pager, "\(agent.name): a checkpoint halfway")
            let resumed = try await engine(agent.name, skew: agent.resume).sync()
            XCTAssertEqual(resumed.outcome, .completed, agent.name)
        }

        // The same changes on the server cost every agent the same requests.
        let clients = try await api.listClients(ListQuery(limit: 30)).value.data.compactMap(\.object)
        for (index, client) in clients.enumerated() {
            _ = try await api.updateClient(client.id, ClientPatch(address: .value("Skew Road \(index)")))
        }
        var requests: [String: Int] = [:]
        for agent in agents {
            let engine = try engine(agent.name, skew: agent.resume)
            let summary = await engine.sync()
            XCTAssertEqual(summary.outcome, .completed, agent.name)
            XCTAssertEqual(summary.pulled, clients.count, agent.name)
            requests[agent.name] = summary.requests
            try await assertSameAsServer(engine.replica, api)
        }
        XCTAssertEqual(Set(requests.values).count, 1, "same requests whatever the clock: \(requests)")

        // Nothing missed under writers with commit lag, whatever the clock.
        try await setFaults(["writers": 4, "commit_lag_s": 10])
        for _ in 0..<2 {
            for agent in agents {
                let summary = try await engine(agent.name, skew: agent.resume).sync()
                XCTAssertEqual(summary.outcome, .completed, agent.name)
            }
        }
        try await setFaults(Self.noFaults)
        try await Task.sleep(for: .milliseconds(200))
        for agent in agents {
            let engine = try engine(agent.name, skew: agent.resume)
            let quiet = await engine.sync()
            XCTAssertEqual(quiet.outcome, .completed, agent.name)
            try await assertSameAsServer(engine.replica, api)
        }
    }

    /// The pull's origin is a lower bound of the server time of its first request.
    func testTheOriginBoundsTheFirstRequestFromBelow() {
        let at = { (seconds: Int64) in Timestamp(microsecondsSinceEpoch: 1_800_000_000_000_000 + seconds * 1_000_000) }
        // Newest seen 100 s, 4 s after the first request: the first request was at ≥ 96 s.
        XCTAssertEqual(Puller.origin(nil, newest: [nil, at(100)], elapsed: 4_000_000), at(96))
        // A later page can only raise the bound, never lower it.
        XCTAssertEqual(Puller.origin(at(96), newest: [at(50), at(97)], elapsed: 5_000_000), at(96))
        XCTAssertEqual(Puller.origin(at(96), newest: [at(50), at(120)], elapsed: 6_000_000), at(114))
        // Nothing seen yet: no bound.
        XCTAssertNil(Puller.origin(nil, newest: [nil, nil], elapsed: 0))
        // The finished cursor reaches back to the origin, plus lag and margin.
        var pager = PullPager(cursor: PullCursor())
        _ = pager.receive([PullPager.Item(id: "cl_1", updatedAt: at(120), version: 1)])
        let cursor = pager.finishedCursor(from: PullCursor(), origin: at(114))
        XCTAssertEqual(cursor.since, at(114).adding(microseconds: -PullCursor.maximumCommitLag - PullCursor.margin))
    }
}
