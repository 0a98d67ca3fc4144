import Foundation

/// A clock that moves only when told to: for tests and benchmarks of time-dependent behaviour.
///
/// `advance(by:)` moves time forward and wakes every sleeper whose deadline has come, in
/// deadline order. `autoAdvance` makes a sleep jump the clock straight to its deadline, so a
/// single-task retry loop runs without anyone calling `advance` (virtual time).
public final class ManualClock: APIClock, @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock` only.
    private let lock = NSLock()
    private var current: Duration
    private var sleepers: [(deadline: Duration, id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0
    private var unregistered: Set<Int> = []
    private var cancelledIDs: Set<Int> = []
    private let autoAdvance: Bool

    /// A clock at `start`; with `autoAdvance`, each sleep moves time to its deadline at once.
    public init(start: Duration = .zero, autoAdvance: Bool = false) {
        current = start
        self.autoAdvance = autoAdvance
    }

    public func now() -> Duration { lock.withLock { current } }

    /// How many tasks are asleep on this clock (tests wait for it before advancing).
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    public func sleep(until deadline: Duration) async throws {
        let id: Int = lock.withLock {
            nextID += 1
            unregistered.insert(nextID)
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resume: Bool = lock.withLock {
                    unregistered.remove(id)
                    if cancelledIDs.remove(id) != nil { return true }
                    if autoAdvance, deadline > current { current = deadline }
                    if deadline <= current { return true }
                    sleepers.append((deadline, id, continuation))
                    return false
                }
                if resume {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let found: CheckedContinuation<Void, any Error>? = lock.withLock {
                if let index = sleepers.firstIndex(where: { $0.id == id }) {
                    return sleepers.remove(at: index).continuation
                }
                // Cancelled before the continuation was stored: let the registration see it.
                if unregistered.contains(id) { cancelledIDs.insert(id) }
                return nil
            }
            found?.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward by `duration` and wakes the sleepers now due.
    public func advance(by duration: Duration) {
        let due: [CheckedContinuation<Void, any Error>] = lock.withLock {
            current += duration
            let now = current
            let ready = sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            sleepers.removeAll { $0.deadline <= now }
            return ready.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }
}
