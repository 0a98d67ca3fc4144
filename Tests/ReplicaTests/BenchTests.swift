import FincoreModel
import Foundation
import XCTest
@testable import Replica

/// Timings on 100,000 clients; runs only with `FINCORE_BENCH=1` (see `scripts/bench-replica`).
///
/// Targets from issue 6: search p99 ≤ 5 ms, the collection list for a day ≤ 20 ms.
final class BenchTests: ReplicaTestCase {
    private static let syllables = ["ka", "mo", "ri", "ne", "tu", "wa", "ji", "ku", "le", "na", "bo", "si", "ye", "che", "ngu"]

    private static func name(_ n: Int, salt: Int) -> String {
        var x = n &* 2_654_435_761 &+ salt
        var text = ""
        for _ in 0..<3 {
            text += syllables[abs(x) % syllables.count]
            x /= syllables.count
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    func testBenchmark() throws {
        guard ProcessInfo.processInfo.environment["FINCORE_BENCH"] == "1" else { return }
        let clients = Int(ProcessInfo.processInfo.environment["FINCORE_BENCH_CLIENTS"] ?? "") ?? 100_000
        let loans = clients * 3 / 10
        let start = Date()
        try Self.seed(replica, clients: clients)
        let seeded = Date().timeIntervalSince(start)
        let size = (try FileManager.default.attributesOfItem(atPath: replica.path)[.size] as? NSNumber)?.intValue ?? 0

        var generator = SystemRandomNumberGenerator()
        let searches: [String] = (0..<300).map { i in
            let n = Int(generator.next(upperBound: UInt64(clients)))
            switch i % 3 {
            case 0: return String(Self.name(n, salt: 7).dropFirst(1).prefix(4))
            case 1: return String("\(10_000_000 + n)".suffix(6))
            default: return "\(30_000_000 + n)"
            }
        }
        let search = try time(searches) { _ = try replica.searchClients($0) }
        let view = try time(Array(0..<300)) { _ in
            let id = Fixture.clientID(Int(generator.next(upperBound: UInt64(clients))))
            _ = try replica.client(id)
            _ = try replica.loans(ofClient: id)
            _ = try replica.payments(ofClient: id)
        }
        let days = (0..<60).compactMap { CivilDate(year: 2026, month: 9, day: 1)?.adding(days: $0) }
        let collection = try time(days) { _ = try replica.collectionList(dueOn: $0) }
        let branchCollection = try time(days) { _ = try replica.collectionList(dueOn: $0, branchID: "br_3") }
        let overdue = try time(Array(days.prefix(10))) { _ = try replica.overdueList(asOf: $0, limit: 500) }
        let portfolio = try time(Array(days.prefix(5))) { _ = try replica.portfolioSummary(asOf: $0) }
        let items = try replica.collectionList(dueOn: days[0]).items.count

        print("""
            bench-replica: \(clients) clients, \(loans) active loans, seeded in \(String(format: "%.1f", seeded)) s, \
            file \(size / 1_048_576) MiB
              search (name/phone/ID substring) \(search)
              client view (client+loans+payments) \(view)
              collection list for a day (\(items) items) \(collection)
              collection list for a day, one branch \(branchCollection)
              overdue list (first 500) \(overdue)
              portfolio summary \(portfolio)
            """)
    }

    /// Fills `replica` with `clients` clients, 30% of them with an active loan, in batches.
    static func seed(_ replica: Replica, clients: Int) throws {
        let loans = clients * 3 / 10
        for batch in stride(from: 0, to: clients, by: 2000) {
            var objects: [SyncedObject] = []
            for n in batch..<min(batch + 2000, clients) {
                let branch = "br_\(n % 20)"
                objects.append(.client(Fixture.client(
                    n, first: name(n, salt: 1), last: name(n, salt: 7) + "\(n % 97)",
                    phone: "+2547\(String(10_000_000 + n))", idNumber: "ID\(30_000_000 + n)", branch: branch,
                    officer: "of_\(n % 200)")))
                if n < loans {
                    let disbursed = CivilDate(year: 2026, month: 1, day: 1)?.adding(days: n % 330)
                        ?? CivilDate(daysSinceEpoch: 20_000)
                    objects.append(.loan(try Fixture.activeLoan(n, client: n, disbursedOn: disbursed,
                                                                branch: branch, officer: "of_\(n % 200)")))
                }
            }
            try replica.apply(batch: objects)
        }
    }

    /// Seeds the replica the agent opens for `FINCORE_BENCH_URL` and `FINCORE_BENCH_KEY` under
    /// `FINCORE_HOME`, for `scripts/bench-repl`; runs only with `FINCORE_BENCH_SEED=1`.
    func testSeedReplicaForTheAgent() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["FINCORE_BENCH_SEED"] == "1", let url = environment["FINCORE_BENCH_URL"],
              let key = environment["FINCORE_BENCH_KEY"] else { return }
        let clients = Int(environment["FINCORE_BENCH_CLIENTS"] ?? "") ?? 100_000
        let location = try ReplicaLocation(serverURL: url, keyFingerprint: ReplicaLocation.fingerprint(ofKey: key),
                                           environment: environment)
        let agentReplica = try Replica(location: location)
        try Self.seed(agentReplica, clients: clients)
        print("bench-seed: \(clients) clients in \(location.databasePath)")
    }

    /// p50 and p99 of `body` over `inputs`, in milliseconds.
    private func time<T>(_ inputs: [T], _ body: (T) throws -> Void) throws -> String {
        var samples: [Double] = []
        for input in inputs {
            let t = DispatchTime.now().uptimeNanoseconds
            try body(input)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1_000_000)
        }
        samples.sort()
        func at(_ q: Double) -> String { String(format: "%.2f", samples[min(samples.count - 1, Int(Double(samples.count) * q))]) }
        return "p50 \(at(0.5)) ms, p99 \(at(0.99)) ms, max \(at(1.0)) ms (n=\(samples.count))"
    }
}
