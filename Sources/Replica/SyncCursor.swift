import FincoreModel

/// Where the sync engine's incremental listing of one resource stands; opaque to the replica.
///
/// The contract orders listings by `(updated_at, id)` (§ Incremental listing), so a cursor is
/// that pair, plus any JSON the engine wants to keep with it (an overlap window, a report id).
public struct SyncCursor: Hashable, Sendable {
    /// The resource name (`clients`, `loans`, …) as the sync engine calls it.
    public var resource: String
    public var updatedAt: Timestamp?
    public var lastID: String?
    public var state: JSONValue?
    /// When it was last saved; set by the replica.
    public var savedAt: Timestamp?

    public init(resource: String, updatedAt: Timestamp? = nil, lastID: String? = nil, state: JSONValue? = nil) {
        self.resource = resource
        self.updatedAt = updatedAt
        self.lastID = lastID
        self.state = state
    }
}
