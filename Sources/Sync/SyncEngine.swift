import APIClient
import FincoreModel
import Replica

/// Syncs one replica with one server: push the outbox, pull what changed, push what the pull
/// unblocked. The REPL's `sync`, `push`, `pull` and `plan` commands and `AutoSync` call this.
///
/// Runs are serialized per engine (`SyncGate`) and run in the caller's task: cancelling the
/// task stops the run at the next request, keeping everything done so far (entries already
/// acknowledged are `done`, pages already applied are checkpointed). Money first: the push
/// comes before the pull and repayments and disbursements go at `.money` priority.
///
/// Usage:
/// ```swift
/// let engine = SyncEngine(client: client, replica: replica)
/// let summary = await engine.sync { progress in print(progress.phase, progress.done) }
/// ```
public final class SyncEngine: Sendable {
    /// The knobs; the defaults suit the REPL.
    public struct Configuration: Sendable {
        /// Export lines applied per transaction and checkpoint in a first sync (memory is
        /// bounded by this, not by the portfolio).
        public var exportBatchSize = 500
        /// A first sync exports a resource only when it holds at least this many objects.
        /// An export costs about three requests from the reports bucket (10 a minute); paging
        /// costs one request per 100 objects from the main bucket (100 a minute). Below a few
        /// thousand objects paging is quicker, and it leaves the reports bucket to the user.
        public var exportThreshold = 5_000

        public init() {}
    }

    public let client: APIClient
    public let replica: Replica
    public let configuration: Configuration
    private let gate = SyncGate()
    /// The name of the replica row that stores the scope (beside the resources' cursors).
    static let scopeRow = "scope"

    public init(client: APIClient, replica: Replica, configuration: Configuration = Configuration()) {
        self.client = client
        self.replica = replica
        self.configuration = configuration
    }

    /// The replica's scope; `.all` until one is set.
    public func scope() throws -> SyncScope {
        guard let state = try replica.cursor(for: Self.scopeRow)?.state else { return .all }
        return (try? state.decode(as: SyncScope.self)) ?? .all
    }

    /// Sets the replica's scope. A new scope forgets every cursor, so the next sync lists each
    /// resource afresh in it, and its sweep purges the clients now out of it.
    public func setScope(_ scope: SyncScope) async throws {
        guard await gate.enter() else { throw CancellationError() }
        let result = Result { () throws -> Void in
            guard try self.scope() != scope else { return }
            for resource in SyncResource.allCases { try replica.resetCursor(for: resource.cursorName) }
            try replica.saveCursor(SyncCursor(resource: Self.scopeRow, state: try JSONValue(encoding: scope)))
        }
        await gate.leave()
        try result.get()
    }

    /// Push, pull, push: the whole sync. Never throws: the summary's outcome says how it ended.
    public func sync(progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncSummary {
        await run("sync", progress) { meter in
            var summary = await self.pushOnce(meter, refreshLoans: false)  // the pull brings the loans
            guard summary.outcome.isCompleted else { return summary }
            summary.absorb(await self.pullAll(meter))
            guard summary.outcome.isCompleted else { return summary }
            summary.absorb(await self.pushOnce(meter, refreshLoans: true))
            return summary
        }
    }

    /// Only the push (with a GET of each loan a pushed repayment or reversal changed).
    public func push(progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncSummary {
        await run("push", progress) { meter in await self.pushOnce(meter, refreshLoans: true) }
    }

    /// Only the pull of every resource, then the scope sweep.
    public func pull(progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncSummary {
        await run("pull", progress) { meter in await self.pullAll(meter) }
    }

    /// Runs `body` under the gate, then fills in the counts and journals the run.
    private func run(_ name: String, _ progress: (@Sendable (SyncProgress) -> Void)?,
                     _ body: @escaping (SyncMeter) async -> SyncSummary) async -> SyncSummary {
        guard await gate.enter() else {
            var cancelled = SyncSummary()
            cancelled.outcome = .cancelled
            cancelled.unpushed = (try? replica.outbox.unpushedCount()) ?? 0
            return cancelled
        }
        let start = ContinuousClock.now
        let meter = await SyncMeter.start(client: client, callback: progress)
        var summary = await body(meter)
        let counts = await meter.counts()
        summary.requests = counts.requests
        summary.throttled = counts.throttled
        summary.unpushed = (try? replica.outbox.unpushedCount()) ?? 0
        summary.duration = ContinuousClock.now - start
        await meter.report(.done, done: summary.pushed + summary.pulled)
        journal(name, summary)
        await gate.leave()
        return summary
    }

    private func pushOnce(_ meter: SyncMeter, refreshLoans: Bool) async -> SyncSummary {
        do {
            // Entries left in flight by a run that died have an unknown outcome: send them
            // again under the same key (the server replays what it executed).
            try replica.outbox.requeueInFlight()
        } catch {
            var summary = SyncSummary()
            summary.outcome = .failed(String(describing: error))
            return summary
        }
        return await Pusher(client: client, replica: replica).run(meter: meter, refreshLoans: refreshLoans).0
    }

    private func pullAll(_ meter: SyncMeter) async -> SyncSummary {
        var summary = SyncSummary()
        do {
            let scope = try self.scope()
            let puller = Puller(client: client, replica: replica, scope: scope)
            var exporter = ExportLoader(client: client, replica: replica, scope: scope)
            exporter.batchSize = max(1, configuration.exportBatchSize)
            for resource in SyncResource.allCases {
                try Task.checkCancellation()
                var state = PullState.load(resource, from: try replica.cursor(for: resource.cursorName))
                if !state.initialized, state.pager == nil,
                   try await worthExporting(resource, puller),
                   let stored = try await exporter.load(resource, state: &state, meter: meter) {
                    summary.pulled += stored
                    continue
                }
                summary.absorb(try await puller.pull(resource, meter: meter))
                if resource == .clients { summary.deleted += try ScopeSweep(replica: replica, scope: scope).run() }
            }
            await meter.report(.sweep, done: 0)
            summary.deleted += try ScopeSweep(replica: replica, scope: scope).run()
        } catch {
            summary.outcome = Self.outcome(of: error)
        }
        return summary
    }

    /// Whether a first sync of `resource` should export: one `limit=1` listing reads its size.
    private func worthExporting(_ resource: SyncResource, _ puller: Puller) async throws -> Bool {
        guard configuration.exportThreshold > 0 else { return true }
        let (_, total) = try await puller.page(resource, PullPager.Request(updatedSince: nil, offset: 0, limit: 1))
        return total >= configuration.exportThreshold
    }

    /// How an error ends a run.
    static func outcome(of error: any Error) -> SyncOutcome {
        if error is CancellationError || Task.isCancelled { return .cancelled }
        guard let error = error as? APIError else { return .failed(String(describing: error)) }
        if error.isCancellation { return .cancelled }
        if error.status == 401 { return .unauthorized }
        if case .transport(let failure) = error { return .offline(failure.description) }
        // A 429 that survived the retries is the rate limit outlasting the deadline, not a
        // missing network: the caller must hear the difference (exit status 6, not 3).
        if error.status == 429 { return .rateLimited(error.description) }
        if error.status.map({ $0 >= 500 }) ?? false { return .offline(error.description) }
        return .failed(error.description)
    }

    /// One journal line per run: counts and the outcome's code, never personal data.
    private func journal(_ name: String, _ summary: SyncSummary) {
        let note = "requests=\(summary.requests) throttled=\(summary.throttled) deleted=\(summary.deleted) "
            + "conflicts=\(summary.conflicts) unpushed=\(summary.unpushed)"
        _ = try? replica.appendJournal(JournalEntry(
            at: .now(), resource: name, event: summary.outcome.code ?? "completed", pulled: summary.pulled,
            pushed: summary.pushed, failed: summary.failures + summary.conflicts, errorCode: summary.outcome.code,
            note: note))
    }
}
