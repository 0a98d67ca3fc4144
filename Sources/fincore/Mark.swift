import HTTP

/// The outbox position an atomic run started from, shared by its begin and rollback hooks.
final class Mark: Sendable {
    private let stored = Locked<Int64>(0)

    var value: Int64 { stored.withLock { $0 } }

    func set(_ value: Int64) {
        stored.withLock { $0 = value }
    }
}
