import FincoreModel
import HTTP

/// The `writers=N` fault: N tasks that keep changing the store the way other users of the platform
/// would (create, edit, delete and move clients, take cash repayments, settle payments), so that
/// an agent sees objects change and move while it pages (contract § The sandbox server).
///
/// Each writer sleeps 5–50 ms, then runs one `WriterAction` in one store transaction with the
/// fault injector's commit lag, so versions, `updated_at` and tombstones are stamped as for any
/// API write. A writer's choices come from `SeededRandom(seed + index)`; the ids of objects it
/// creates come from the system generator, like the API's, so they never collide with demo ids.
final class BackgroundWriters: Sendable {
    private struct State {
        /// The running writers; index `i` runs with seed `seed + i`.
        var tasks: [Task<Void, Never>] = []
        /// Writers told to stop that may still be finishing their transaction.
        var retiring: [Task<Void, Never>] = []
        var completed: [WriterAction: Int] = [:]
        var failures = 0
        var stopped = false
    }

    private let store: SandboxStore
    private let faults: FaultInjector
    private let seed: UInt64
    private let onCommit: @Sendable ([PendingEvent]) -> Void
    private let state = Locked(State())

    /// `onCommit` takes each committed change's events (webhooks), as the request pipeline's does.
    init(store: SandboxStore, faults: FaultInjector, seed: UInt64,
         onCommit: @escaping @Sendable ([PendingEvent]) -> Void = { _ in }) {
        self.store = store
        self.faults = faults
        self.seed = seed
        self.onCommit = onCommit
    }

    /// Starts or stops writers so that `count` run. Ignored after `stop()`.
    func update(count: Int) {
        let target = max(0, count)
        let surplus: [Task<Void, Never>] = state.withLock { state in
            guard !state.stopped else { return [] }
            while state.tasks.count < target {
                state.tasks.append(launch(index: state.tasks.count))
            }
            let surplus = Array(state.tasks[target...])
            state.tasks.removeSubrange(target...)
            state.retiring += surplus
            return surplus
        }
        for task in surplus { task.cancel() }
    }

    /// How many writers run now.
    var running: Int { state.withLock { $0.tasks.count } }

    /// Actions committed so far, by kind (actions that found nothing to act on are not counted).
    var completed: [WriterAction: Int] { state.withLock { $0.completed } }

    /// Transactions that failed (and were rolled back).
    var failures: Int { state.withLock { $0.failures } }

    /// Cancels every writer and waits for each to finish its current transaction.
    func stop() async {
        let tasks = state.withLock { state in
            state.stopped = true
            let all = state.tasks + state.retiring
            state.tasks = []
            state.retiring = []
            return all
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func launch(index: Int) -> Task<Void, Never> {
        Task { [self] in await run(seed: seed &+ UInt64(index)) }
    }

    /// One writer's loop, until cancelled.
    private func run(seed: UInt64) async {
        var rng = SeededRandom(seed: seed)
        while !Task.isCancelled {
            do {
                try await Task.sleep(nanoseconds: UInt64(rng.int(in: 5...50)) * 1_000_000)
            } catch {
                return  // cancelled while asleep
            }
            let action = rng.weighted(WriterAction.weights)
            // The transaction runs on the store's queue, so it gets a generator of its own.
            let stepSeed = rng.next()
            do {
                let (done, events) = try await store.write(
                    now: .now(), lagMicroseconds: faults.commitLagMicroseconds()
                ) { tx in
                    var stepRandom = SeededRandom(seed: stepSeed)
                    let done = try action.perform(tx, using: &stepRandom)
                    return (done, tx.events)
                }
                if done {
                    state.withLock { $0.completed[action, default: 0] += 1 }
                    onCommit(events)
                }
            } catch {
                state.withLock { $0.failures += 1 }
            }
        }
    }
}
