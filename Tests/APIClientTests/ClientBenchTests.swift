import APIClient
import FincoreModel
import Foundation
import XCTest

/// The client's throughput and rate-limit pacing against a running sandbox: `scripts/bench-client`
/// starts `fincore sandbox` and runs these with `FINCORE_BENCH_URL` set; skipped otherwise.
final class ClientBenchTests: XCTestCase {
    private struct Setup {
        let url: URL
        let seconds: Double
        let workers: Int
        let window: Double
    }

    private func setup() throws -> Setup {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["FINCORE_BENCH_URL"].flatMap(URL.init(string:)) else {
            throw XCTSkip("no sandbox named (FINCORE_BENCH_URL); run scripts/bench-client")
        }
        return Setup(url: url, seconds: environment["FINCORE_BENCH_SECONDS"].flatMap(Double.init) ?? 5,
                     workers: environment["FINCORE_BENCH_WORKERS"].flatMap(Int.init) ?? 4,
                     window: environment["FINCORE_BENCH_WINDOW"].flatMap(Double.init) ?? 0)
    }

    private func client(_ setup: Setup) -> APIClient {
        var configuration = APIClient.Configuration()
        if setup.window > 0 { configuration.rateLimitWindow = .seconds(setup.window) }
        return APIClient(baseURL: setup.url, key: SandboxFixture.key, configuration: configuration)
    }

    /// Requests/s of one-page lists (20 clients each) with limits off.
    func testBenchThroughput() async throws {
        let setup = try setup()
        guard setup.window == 0 else { throw XCTSkip("throughput runs with --rate-window 0") }
        let api = client(setup)
        _ = try await api.listClients()  // opens a connection before the clock starts
        let (answered, elapsed, _) = try await run(api, setup, for: setup.seconds)
        let rate = Double(answered) / elapsed
        print("bench-client: throughput \(Int(rate.rounded())) requests/s (\(answered) lists of 20 in "
              + "\(String(format: "%.2f", elapsed)) s, \(setup.workers) workers)")
        XCTAssertGreaterThan(answered, 0)
    }

    /// The fraction of the allowed rate achieved over three windows, and the 429s it cost.
    func testBenchRateLimitPacing() async throws {
        let setup = try setup()
        guard setup.window > 0 else { throw XCTSkip("pacing runs with --rate-window > 0") }
        let api = client(setup)
        let span = 3 * setup.window
        let (answered, elapsed, throttled) = try await run(api, setup, for: span)
        // Fixed windows opened by the first request: 100 at t = 0, w and 2w within the 3w run
        // (the fourth opens as the run ends, so it is not counted).
        let allowed = 100 * Int((span / setup.window).rounded(.down))
        print("bench-client: pacing \(answered) of \(allowed) allowed in \(String(format: "%.2f", elapsed)) s "
              + "(window \(setup.window) s) = \(String(format: "%.1f", 100 * Double(answered) / Double(allowed)))%"
              + " of the allowed rate; \(throttled) 429s")
        XCTAssertLessThanOrEqual(answered, allowed)
    }

    /// Lists clients from `setup.workers` tasks until `span` seconds pass; answered, elapsed, 429s.
    private func run(_ api: APIClient, _ setup: Setup, for span: Double) async throws -> (Int, Double, Int) {
        let start = ContinuousClock.now
        let end = start + .seconds(span)
        let answered = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<setup.workers {
                group.addTask {
                    var count = 0
                    while ContinuousClock.now < end {
                        // A request still queued for the rate limit when time is up is not counted.
                        let call = Task { try await api.listClients() }
                        let timer = Task {
                            try await Task.sleep(until: end, clock: .continuous)
                            call.cancel()
                        }
                        let result = await call.result
                        timer.cancel()
                        if case .success = result, ContinuousClock.now <= end { count += 1 }
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (answered, seconds, await api.scheduler.counters.throttled)
    }
}
