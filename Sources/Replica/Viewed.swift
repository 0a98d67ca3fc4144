/// An object as the user sees it, with how many of its edits the server has not accepted yet.
public struct Viewed<Value: Sendable>: Sendable {
    public let value: Value
    /// Unfinished outbox entries touching it: 0 means the view is exactly the server's copy.
    public let unpushedEdits: Int

    /// Whether the user sees something the server does not have yet.
    public var isUnpushed: Bool { unpushedEdits > 0 }
}

extension Viewed: Equatable where Value: Equatable {}
