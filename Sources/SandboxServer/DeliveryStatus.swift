/// Where one event's delivery to one endpoint stands, as the `deliveries` table records it.
enum DeliveryStatus: String, Sendable {
    /// Stored, first attempt not yet answered.
    case pending
    /// An attempt failed (non-2xx or transport); another is scheduled with backoff.
    case retrying
    /// A 2xx answered.
    case delivered
    /// Every attempt failed; the dispatcher gave up (contract: "retried with exponential backoff").
    case failed
    /// Not sent: the endpoint is not on this machine (see `LoopbackHost`).
    case skipped
    /// Retries stopped because the endpoint was disabled, unsubscribed or deleted meanwhile.
    case canceled
}
