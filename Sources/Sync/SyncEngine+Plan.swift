import APIClient
import Replica

extension SyncEngine {
    /// What a sync would send, in which order, and the wait the rate limit would add, at the
    /// scheduler's current state; nothing is sent.
    ///
    /// The order is the push's own (`Pusher`): rounds of entries whose dependencies are done or
    /// planned before them, money first within a round, then in the order taken.
    public func plan() async throws -> SyncPlan {
        var plan = SyncPlan()
        let entries = try replica.outbox.entries()
        let byState = Dictionary(grouping: entries, by: \.state)
        var settled = Set((byState[.done] ?? []).map(\.seq))
        var waiting = (byState[.pending] ?? []) + (byState[.inFlight] ?? [])
        plan.needsAttention = ((byState[.failed] ?? []) + (byState[.conflict] ?? [])).map(\.seq).sorted()
        while true {
            let round = waiting.filter { $0.dependsOn.allSatisfy(settled.contains) }
                .sorted { (PushRule.of($0.kind).isMoney ? 0 : 1, $0.seq) < (PushRule.of($1.kind).isMoney ? 0 : 1, $1.seq) }
            guard !round.isEmpty else { break }
            for entry in round {
                plan.steps.append(SyncPlan.Step(seq: entry.seq, kind: entry.kind, request: "\(entry.method) \(entry.path)",
                                                isMoney: PushRule.of(entry.kind).isMoney))
                settled.insert(entry.seq)
            }
            let planned = Set(round.map(\.seq))
            waiting.removeAll { planned.contains($0.seq) }
        }
        plan.blocked = waiting.map(\.seq).sorted()
        plan.minimumRequests = plan.steps.count + SyncResource.allCases.count
        let bucket = await client.scheduler.snapshot(.most)
        plan.remaining = bucket.remaining
        plan.limit = bucket.limit
        plan.estimatedWait = Self.wait(for: plan.minimumRequests, remaining: bucket.remaining, limit: bucket.limit,
                                       refillsIn: bucket.refillsIn, pausedFor: bucket.pausedFor,
                                       window: client.configuration.rateLimitWindow)
        return plan
    }

    /// The time `requests` take beyond what the bucket has now: the current pause, then a
    /// refill of the window for each further bucketful.
    static func wait(for requests: Int, remaining: Int, limit: Int, refillsIn: Duration?, pausedFor: Duration?,
                     window: Duration) -> Duration {
        let paused = pausedFor ?? .zero
        guard requests > remaining else { return paused }
        let windows = (requests - remaining - 1) / max(1, limit)
        return paused + (refillsIn ?? window) + window * windows
    }
}
