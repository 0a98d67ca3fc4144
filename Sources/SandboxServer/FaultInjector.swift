import HTTP

/// Draws each request's faults from the current configuration with a seeded generator, and counts
/// what it injected for `GET /_sandbox/stats`. The configuration can change while the server runs.
public final class FaultInjector: Sendable {
    private struct State {
        var configuration: FaultConfiguration
        var random: SeededRandom
        var injected: [String: Int] = [:]
    }

    private let state: Locked<State>

    public init(configuration: FaultConfiguration = FaultConfiguration(), seed: UInt64 = 1) {
        state = Locked(State(configuration: configuration, random: SeededRandom(seed: seed)))
    }

    public var configuration: FaultConfiguration {
        state.withLock { $0.configuration }
    }

    public func update(_ configuration: FaultConfiguration) {
        state.withLock { $0.configuration = configuration }
    }

    /// Counts of faults injected so far, by knob name.
    public var injectedCounts: [String: Int] {
        state.withLock { $0.injected }
    }

    /// Chooses the faults for one request. At most one "before" fault and one "after" fault.
    public func plan() -> FaultPlan {
        state.withLock { state in
            let config = state.configuration
            var plan = FaultPlan()
            let latency = config.latencyMilliseconds
            if latency.upperBound > 0 {
                plan.latencyMilliseconds = Int.random(in: latency, using: &state.random)
            }
            let candidates: [(Double, FaultPlan.Before)] = [
                (config.dropBeforeCommit, .dropConnection), (config.error503, .unavailable),
                (config.error500, .internalError), (config.storm429, .rateLimitStorm),
            ]
            for (p, fault) in candidates where state.random.chance(p) {
                plan.before = fault
                state.injected[fault.rawValue, default: 0] += 1
                return plan
            }
            let after: [(Double, FaultPlan.After)] = [
                (config.dropAfterCommit, .dropConnection), (config.truncateBody, .truncateBody),
            ]
            for (p, fault) in after where state.random.chance(p) {
                plan.after = fault
                state.injected[fault.rawValue, default: 0] += 1
                break
            }
            return plan
        }
    }

    /// How far in the past to stamp an `updated_at`: 0 up to `commit_lag_s`, in microseconds.
    public func commitLagMicroseconds() -> Int64 {
        state.withLock { state in
            let maximum = Int64(state.configuration.commitLagSeconds * 1_000_000)
            guard maximum > 0 else { return 0 }
            state.injected["commit_lag_s", default: 0] += 1
            return Int64.random(in: 0...maximum, using: &state.random)
        }
    }
}
