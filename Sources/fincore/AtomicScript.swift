import Console
import Foundation
import Replica

/// `--atomic`: all of a script's edits are saved, or none.
///
/// The replica has no transaction spanning several edits (each edit commits with its outbox
/// entry on its own), so atomic is built from two things it does have:
/// 1. the check pass runs every command against a scratch copy of the replica file, so a later
///    line may depend on an earlier one (a loan for a client the script adds) and nothing the
///    check does can reach the real outbox;
/// 2. should the real run still fail part way, the entries it added are dropped again (newest
///    first), which rebuilds the view without them. One gap remains: an edit folded into an
///    entry queued BEFORE the script (a second unpushed edit of the same client) cannot be
///    unfolded; the check pass makes that run-time failure very unlikely.
final class AtomicScript: Sendable {
    let context: AgentContext
    let scratchDirectory: String
    let checkContext: AgentContext

    init(context: AgentContext) throws {
        self.context = context
        scratchDirectory = NSTemporaryDirectory() + "fincore-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let copy = scratchDirectory + "/replica.sqlite"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: context.replica.path + suffix) {
            try FileManager.default.copyItem(atPath: context.replica.path + suffix, toPath: copy + suffix)
        }
        checkContext = context.over(try Replica(path: copy))
    }

    /// The hooks the script runner calls around the run pass.
    var transaction: ScriptTransaction {
        let replica = context.replica
        let mark = Mark()
        return ScriptTransaction(
            begin: { mark.set(try replica.outbox.entries().map(\.seq).max() ?? 0) },
            commit: {},
            rollback: {
                let added = try replica.outbox.entries().map(\.seq).filter { $0 > mark.value }.sorted(by: >)
                for seq in added where try replica.outbox.entry(seq) != nil { _ = try replica.outbox.drop(seq) }
            })
    }

    /// Deletes the scratch copy (its KYC data must not linger in /tmp).
    func cleanUp() {
        try? FileManager.default.removeItem(atPath: scratchDirectory)
    }
}
