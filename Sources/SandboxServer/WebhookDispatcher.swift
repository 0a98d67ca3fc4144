/// Stub: delivers committed events to webhook endpoints (signed, retried). Filled in by its own change.
final class WebhookDispatcher: Sendable {
    init(store: SandboxStore, seed: UInt64) {}

    /// Takes the events of one committed change.
    func publish(_ events: [PendingEvent]) {}

    func stop() async {}
}
