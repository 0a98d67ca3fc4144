/// The retry policy's answer after a failed attempt.
public enum RetryDecision: Sendable, Hashable {
    /// Send the same request again (same `Idempotency-Key`) after sleeping this long.
    case retry(after: Duration)
    /// Hand the error to the caller.
    case stop
}
