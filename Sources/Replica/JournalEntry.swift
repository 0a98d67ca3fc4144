import FincoreModel

/// One line of the sync journal: when, what moved, what failed. Counts and codes only, never
/// personal data; `note` is for the engine's own words (a phase name), not for field values.
public struct JournalEntry: Hashable, Sendable {
    public var seq: Int64?
    public var at: Timestamp
    /// The resource or phase (`clients`, `push`, `purge`).
    public var resource: String
    /// What happened (`pull`, `push`, `full_resync`, `error`).
    public var event: String
    public var pulled: Int
    public var pushed: Int
    public var failed: Int
    public var errorCode: String?
    public var note: String?

    public init(at: Timestamp, resource: String, event: String, pulled: Int = 0, pushed: Int = 0, failed: Int = 0,
                errorCode: String? = nil, note: String? = nil) {
        self.at = at
        self.resource = resource
        self.event = event
        self.pulled = pulled
        self.pushed = pushed
        self.failed = failed
        self.errorCode = errorCode
        self.note = note
    }
}
