import APIClient
import FincoreModel
import Foundation
import HTTP
import Replica
@testable import Sync
import XCTest

/// Nothing missed: incremental syncs while writers create, edit, delete and move objects with
/// commit lag, then a quiet sync; and first syncs by export and by paging, resumed after a cancel.
final class PullTests: SyncTestCase {
    func testNothingIsMissedWhileWritersWriteWithCommitLag() async throws {
        try await startSandbox { $0.demoClients = 40 }
        let api = try makeClient()
        let engine = try makeEngine()
        try await setFaults(["writers": 4, "commit_lag_s": 10])
        let syncs = Self.long ? 20 : 3  // issue 7: 20 incremental syncs in the long run
        for _ in 0..<syncs {
            let summary = await engine.sync()
            XCTAssertEqual(summary.outcome, .completed)
            try await Task.sleep(for: .milliseconds(300))
        }
        // Quiet: no writer is mid-commit once they are stopped; the lookback covers the lag.
        try await setFaults(Self.noFaults)
        try await Task.sleep(for: .milliseconds(200))
        let quiet = await engine.sync()
        XCTAssertEqual(quiet.outcome, .completed)
        try await assertSameAsServer(engine.replica, api)
        let journal = try engine.replica.journal(limit: 100)
        XCTAssertEqual(journal.filter { $0.resource == "sync" }.count, syncs + 1, "one journal line per run")
    }

    func testFirstSyncFallsBackToPagingWithoutReports() async throws {
        try await startSandbox {
            $0.demoClients = 30
            $0.optionalFeatures = false
        }
        let api = try makeClient()
        let engine = try makeEngine()
        let summary = await engine.sync()
        XCTAssertEqual(summary.outcome, .completed)
        XCTAssertGreaterThan(summary.pulled, 30)
        let available = await engine.client.features.isAvailable(.reports)
        XCTAssertFalse(available)
        try await assertSameAsServer(engine.replica, api)
    }

    /// Small resources page even when the server has reports: an export would spend the reports
    /// bucket (10 a minute) for what a few list pages fetch.
    func testASmallFirstSyncPagesWithoutTouchingReports() async throws {
        try await startSandbox { $0.demoClients = 20 }
        let api = try makeClient()
        let engine = try makeEngine(exportThreshold: 5_000)
        var phases: Set<SyncProgress.Phase> = []
        let seen = Locked<Set<SyncProgress.Phase>>([])
        let summary = await engine.sync { progress in seen.withLock { _ = $0.insert(progress.phase) } }
        phases = seen.withLock { $0 }
        XCTAssertEqual(summary.outcome, .completed)
        XCTAssertFalse(phases.contains(.export), "\(phases)")
        try await assertSameAsServer(engine.replica, api)
    }

    func testFirstSyncByExportUsesFewRequests() async throws {
        try await startSandbox { $0.demoClients = 60 }
        let api = try makeClient()
        let engine = try makeEngine()
        let summary = await engine.sync()
        XCTAssertEqual(summary.outcome, .completed)
        let objects = try replicaVersions(engine.replica).count
        // Per exported resource: create, poll, download, and one incremental page after as_of.
        XCTAssertLessThan(summary.requests, 3 * 4 + 4 + (objects / 100) / 2, "export should beat paging")
        try await assertSameAsServer(engine.replica, api)
        // An incremental sync right after reads one page per resource.
        let again = await engine.sync()
        XCTAssertEqual(again.requests, SyncResource.allCases.count)
    }

    /// Cancels a first sync halfway (by paging and by export), resumes on a new engine, compares.
    func testAFirstSyncCancelledHalfwayResumes() async throws {
        for reports in [false, true] {
            try await startSandbox {
                $0.demoClients = 120
                $0.optionalFeatures = reports
            }
            let api = try makeClient()
            let name = "resume-\(reports)"
            let engine = try makeEngine(name, exportBatch: 50)
            let phase: SyncProgress.Phase = reports ? .export : .pull
            let cancelled = await Task { await engine.sync { progress in
                // The callback runs in the sync's own task: cancelling it there is a user's ^C.
                if progress.phase == phase, progress.resource == .payments, progress.done >= 100 {
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            } }.value
            XCTAssertEqual(cancelled.outcome, .cancelled, "reports \(reports)")
            let saved = try XCTUnwrap(try engine.replica.cursor(for: "payments")?.state)
            let state = try saved.decode(as: PullState.self)
            XCTAssertTrue(reports ? state.export != nil : state.pager != nil, "a checkpoint is kept")
            XCTAssertGreaterThan(reports ? state.export?.applied ?? 0 : state.pager?.pages ?? 0, 0, "halfway")
            XCTAssertFalse(state.initialized)

            let resumed = try makeEngine(name)
            let summary = await resumed.sync()
            XCTAssertEqual(summary.outcome, .completed)
            try await assertSameAsServer(resumed.replica, api)
            await server?.stop()
        }
    }
}
