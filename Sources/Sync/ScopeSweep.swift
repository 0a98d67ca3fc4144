import FincoreModel
import Replica

/// Removes clients that left the replica's scope, once nothing of theirs waits in the outbox.
///
/// A client moved to another branch or officer (contract § Incremental listing) must leave the
/// replica within one sync, with its loans, payments and KYC (`purgeClient`), but not before
/// its own pending edits were pushed or resolved: purging them would lose work. A client with
/// a pending, in-flight, failed or conflicting entry stays until a later sweep.
struct ScopeSweep: Sendable {
    let replica: Replica
    let scope: SyncScope

    /// Purges every stored client out of scope with no unfinished entry; returns how many.
    func run() throws -> Int {
        guard scope != .all else { return 0 }
        let waiting = Set(try replica.outbox.entries([.pending, .inFlight, .failed, .conflict]).flatMap {
            [$0.clientID, $0.objectID].compactMap { $0 }
        })
        var purged = 0
        for client in try replica.clientPlacements()
        where !scope.contains(branchID: client.branchID, officerID: client.officerID) && !waiting.contains(client.id) {
            guard let id = ClientID(client.id) else { continue }
            try replica.purgeClient(id)
            purged += 1
        }
        return purged
    }
}
