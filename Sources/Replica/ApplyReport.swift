/// What a batch of downloaded objects did to the replica.
public struct ApplyReport: Hashable, Sendable {
    /// Objects written (newer than what was stored, or new).
    public var stored = 0
    /// Objects not written because the replica already had that version or a newer one.
    public var stale = 0
    /// Tombstones applied (objects deleted, clients purged).
    public var deleted = 0
    /// Objects of types the replica does not keep (webhooks, reports).
    public var ignored = 0

    public init() {}
}
