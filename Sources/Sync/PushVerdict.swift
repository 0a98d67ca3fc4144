import FincoreModel

/// What to do with an outbox entry after the server answered (or did not).
public enum PushVerdict: Sendable, Equatable {
    /// Applied on the server: store its object (nil for an answer without one) and mark done.
    case done(JSONValue?)
    /// The server changed only what the user did not touch: send the same intent again against
    /// this version, under a NEW idempotency key (the old key holds the stored 412).
    case rebase(onto: JSONValue)
    /// Both sides changed the same fields: keep mine, theirs and the base until the user decides.
    case conflict(theirs: JSONValue, fields: [String])
    /// A permanent refusal with the server's reason; dependents stay blocked.
    case failed(code: String, message: String, field: String?)
    /// A transient failure: leave the entry pending and try again, after `wait` if given.
    case retryLater(wait: Duration?)
    /// The key was refused: nothing can be pushed until the user fixes it.
    case unauthorized
}
