/// An edit the replica accepted: the object as the user now sees it, and the outbox entry that
/// will carry the edit to the server.
///
/// Returned only after the transaction holding both committed on a `synchronous=FULL`
/// connection: from then on the edit survives a crash or a power cut.
public struct Saved<Value: Sendable>: Sendable {
    public let value: Value
    /// The outbox entry's sequence number (an edit merged into a pending one returns that one's).
    public let seq: Int64
}
