import Foundation

/// The server's live threads and open connections, shared between the accept thread, the connection
/// threads and `HTTPServer.stop`.
///
/// A lock rather than an actor: its callers are blocking threads that must not hop onto the
/// cooperative pool for a bookkeeping step. Every stored property is read and written only while
/// `lock` is held, which is why `@unchecked Sendable` is honest.
final class ConnectionRegistry: @unchecked Sendable {
    private struct Entry {
        let socket: Socket
        var idle: Bool
    }

    private let lock = NSLock()
    private var stopping = false
    private var nextID = 0
    private var connections: [Int: Entry] = [:]
    /// The accept thread plus one per connection; `stop` waits for it to reach zero.
    private var workers = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    var isStopping: Bool {
        lock.withLock { stopping }
    }

    var connectionCount: Int {
        lock.withLock { connections.count }
    }

    /// Connections between the first byte of a request and the end of its response.
    var busyCount: Int {
        lock.withLock { connections.values.count { !$0.idle } }
    }

    /// Counts a worker that is not a connection (the accept thread).
    func workerStarted() {
        lock.withLock { workers += 1 }
    }

    func workerFinished() {
        let ready = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            workers -= 1
            return takeWaitersIfDone()
        }
        ready.forEach { $0.resume() }
    }

    /// Registers a new connection, or returns nil if the server is stopping (the caller closes it).
    func register(_ socket: Socket) -> Int? {
        lock.withLock {
            guard !stopping else { return nil }
            nextID += 1
            connections[nextID] = Entry(socket: socket, idle: true)
            workers += 1
            return nextID
        }
    }

    /// Marks the connection idle (waiting for a new request) or busy. Returns false when it should
    /// close instead: the server is stopping and an idle connection has nothing left to finish.
    func setIdle(_ id: Int, _ idle: Bool) -> Bool {
        lock.withLock {
            connections[id]?.idle = idle
            return !(stopping && idle)
        }
    }

    /// Forgets the connection; after this the registry never touches its socket, so the owner may
    /// close it without the descriptor number being shut down again after reuse.
    func unregister(_ id: Int) {
        let ready = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            connections[id] = nil
            workers -= 1
            return takeWaitersIfDone()
        }
        ready.forEach { $0.resume() }
    }

    /// Refuses new connections and wakes every idle one (its blocked read returns end of stream);
    /// busy ones finish their request, see `isStopping`, and close.
    func beginStopping() {
        lock.withLock {
            stopping = true
            for entry in connections.values where entry.idle {
                entry.socket.shutdown(.both)
            }
        }
    }

    /// Returns once every worker has finished.
    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = lock.withLock { () -> Bool in
                if workers == 0 { return true }
                waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Call with the lock held; continuations are resumed by the caller after unlocking.
    private func takeWaitersIfDone() -> [CheckedContinuation<Void, Never>] {
        guard workers == 0 else { return [] }
        defer { waiters = [] }
        return waiters
    }
}
