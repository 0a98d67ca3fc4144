import Foundation
import HTTP

/// Counters for `GET /_sandbox/stats`: requests by status, replays, faults injected.
final class SandboxStats: Sendable {
    private struct Counts {
        var byStatus: [Int: Int] = [:]
        var replays = 0
        var requests = 0
    }

    private let counts = Locked(Counts())

    func record(status: Int, replayed: Bool) {
        counts.withLock {
            $0.requests += 1
            $0.byStatus[status, default: 0] += 1
            if replayed { $0.replays += 1 }
        }
    }

    /// The counters as JSON-ready values; `objects` and `faults` are filled in by the caller.
    var snapshot: [String: Any] {
        counts.withLock { counts in
            var byStatus: [String: Int] = [:]
            for (status, count) in counts.byStatus { byStatus[String(status)] = count }
            return ["requests": counts.requests, "requests_by_status": byStatus, "replays": counts.replays]
        }
    }
}
