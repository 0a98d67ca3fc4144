/// Stub: seeds `--demo N` clients with loans and payments, deterministically for a seed.
enum DemoSeeder {
    static func seed(_ store: SandboxStore, clients: Int, seed: UInt64) throws {}
}
