/// Lets one sync run at a time on a replica; the others wait their turn, first come first served.
///
/// Two runs at once would both push the same outbox and page the same cursors; the outbox's
/// states and idempotency keys would keep that safe, but it would waste requests. A waiter
/// whose task is cancelled (Ctrl-C on a `sync` queued behind the background one) stops waiting.
actor SyncGate {
    private var busy = false
    private var waiters: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    /// Waits until no other run holds the gate, then holds it and returns true; returns false
    /// (not holding it) when the task is cancelled first.
    func enter() async -> Bool {
        guard !Task.isCancelled else { return false }
        guard busy else {
            busy = true
            return true
        }
        nextID += 1
        let id = nextID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Hands the gate to the next waiter, or frees it.
    func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().continuation.resume(returning: true)
        }
    }

    private func cancel(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }
}
