/// Stub: settles pending non-cash payments after the operator's delay, and expires payment links.
final class PaymentSettler: Sendable {
    init(store: SandboxStore, delaySeconds: Double, onCommit: @escaping @Sendable ([PendingEvent]) -> Void) {}

    func start() {}

    func stop() async {}
}
