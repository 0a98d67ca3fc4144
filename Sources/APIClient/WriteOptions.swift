/// How to send one write: its idempotency key, the version it expects, its priority.
public struct WriteOptions: Sendable, Hashable {
    /// The caller's stable key (the outbox's); nil lets the client make one for this call.
    public var idempotencyKey: IdempotencyKey?
    /// The version the caller last saw, sent as `If-Match` (a stale one gets `412`).
    public var ifMatch: Int?
    public var priority: RequestPriority

    public init(idempotencyKey: IdempotencyKey? = nil, ifMatch: Int? = nil, priority: RequestPriority = .normal) {
        self.idempotencyKey = idempotencyKey
        self.ifMatch = ifMatch
        self.priority = priority
    }
}
