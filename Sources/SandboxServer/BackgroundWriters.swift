/// Stub: the `writers=N` fault: N tasks that create, edit, delete and move objects. Filled in later.
final class BackgroundWriters: Sendable {
    init(store: SandboxStore, faults: FaultInjector, seed: UInt64) {}

    /// Starts or stops writers so that `count` run.
    func update(count: Int) {}

    func stop() async {}
}
