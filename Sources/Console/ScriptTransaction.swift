/// The hooks an atomic script runs inside: the executable opens, commits or rolls back its replica.
///
/// Console never sees the database; it only decides when each hook is called.
public struct ScriptTransaction: Sendable {
    public let begin: @Sendable () async throws -> Void
    public let commit: @Sendable () async throws -> Void
    public let rollback: @Sendable () async throws -> Void

    public init(begin: @escaping @Sendable () async throws -> Void,
                commit: @escaping @Sendable () async throws -> Void,
                rollback: @escaping @Sendable () async throws -> Void) {
        self.begin = begin
        self.commit = commit
        self.rollback = rollback
    }
}
