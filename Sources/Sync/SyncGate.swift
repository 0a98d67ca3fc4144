/// Lets one sync run at a time on a replica; the others wait their turn, first come first served.
///
/// Two runs at once would both push the same outbox and page the same cursors; the outbox's
/// states and idempotency keys would keep that safe, but it would waste requests.
actor SyncGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Waits until no other run holds the gate, then holds it.
    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the gate to the next waiter, or frees it.
    func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
