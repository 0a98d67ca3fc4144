import APIClient
import FincoreModel
import Foundation
import Replica
import Sync
import XCTest

/// The sync benchmark behind `scripts/bench-sync`: skipped unless `FINCORE_BENCH_URL` names a
/// running sandbox. `FINCORE_BENCH_PHASE` is `export` (first sync through export reports),
/// `paging` (first sync with reports treated as missing) or `incremental` (about 1% of the
/// clients edited on the server, then a sync of the export replica) or `paced` (a first sync by
/// paging against a sandbox whose limits are on, with a window of `FINCORE_BENCH_WINDOW` seconds:
/// the fraction of the allowed request rate achieved, and the 429s it cost). Each phase runs in its own
/// process so that `/usr/bin/time -v` measures the agent alone (the sandbox is another process).
final class SyncBenchTests: XCTestCase {
    func testBenchmark() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["FINCORE_BENCH_URL"], let url = URL(string: text),
              let directory = environment["FINCORE_BENCH_DIR"], let phase = environment["FINCORE_BENCH_PHASE"] else {
            throw XCTSkip("set FINCORE_BENCH_URL, FINCORE_BENCH_DIR and FINCORE_BENCH_PHASE (scripts/bench-sync)")
        }
        var clientConfiguration = APIClient.Configuration()
        let window = environment["FINCORE_BENCH_WINDOW"].flatMap(Int.init) ?? 0
        if phase == "paced" {
            guard window > 0 else { throw XCTSkip("the paced phase needs FINCORE_BENCH_WINDOW > 0") }
            clientConfiguration.rateLimitWindow = .seconds(window)
        }
        let client = APIClient(baseURL: url, key: try XCTUnwrap(APIKey("sk_test_fincore_demo")),
                               configuration: clientConfiguration)
        let name = phase == "incremental" ? "export" : phase
        var configuration = SyncEngine.Configuration()
        configuration.exportThreshold = 0  // the export phase measures export whatever the size
        let engine = SyncEngine(client: client, replica: try Replica(path: "\(directory)/\(name).sqlite"),
                                configuration: configuration)
        var changed = 0
        if phase == "paging" || phase == "paced" { await client.features.markUnavailable(.reports) }
        if phase == "incremental" { changed = try await changeOnePercent(engine) }
        let start = ContinuousClock.now
        let summary = await engine.sync()
        let seconds = Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) / 1e18
        XCTAssertEqual(summary.outcome, .completed)
        let objects = summary.pulled
        let rate = Double(objects) / max(seconds, 0.001)
        let floor = phase == "incremental" ? max(SyncResource.allCases.count, (objects + 99) / 100) : (objects + 99) / 100
        let note = changed > 0 ? "; \(changed) clients changed on the server" : ""
        print("bench-sync: \(phase): \(objects) objects in \(String(format: "%.2f", seconds)) s = "
              + "\(Int(rate)) objects/s; requests \(summary.requests) (minimum \(floor) = ⌈objects/100⌉"
              + "\(phase == "incremental" ? ", at least a page per resource" : "")); 429s \(summary.throttled)\(note)")
        if phase == "paced" {
            // Fixed windows opened by the first request, 100 requests each: R requests need at
            // least (⌈R/100⌉ − 1) windows (each window's share goes at its start). The achieved
            // fraction is that least time over the time taken; an agent slower than the budget
            // scores low however it paces.
            let least = Double(max(0, (summary.requests + 99) / 100 - 1) * window)
            let fraction = seconds > 0 ? min(1, least / seconds) : 0
            print("bench-sync: paced: \(summary.requests) requests in \(String(format: "%.2f", seconds)) s; "
                  + "100 per \(window) s allows them in \(Int(least)) s: \(String(format: "%.1f", 100 * fraction))% "
                  + "of the allowed request rate; 429s \(summary.throttled)")
        }
    }

    /// Edits every 100th client of the replica on the server (changing its phone), as other
    /// agents would between two syncs; returns how many.
    private func changeOnePercent(_ engine: SyncEngine) async throws -> Int {
        let clients = try engine.replica.clients(limit: 1_000_000)
        var changed = 0
        for (index, client) in clients.enumerated() where index % 100 == 0 {
            _ = try await engine.client.updateClient(client.value.id,
                                                     ClientPatch(phone: .value("+2547\(String(format: "%08d", index))")))
            changed += 1
        }
        return changed
    }
}
