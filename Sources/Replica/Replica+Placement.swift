import FincoreModel
import SQLite

/// Where each stored client sits (branch and officer), for the sync engine's scope sweep.
extension Replica {
    /// Every client's id with its branch and officer as the user sees them, in id order.
    ///
    /// The sync engine compares these with its scope to find clients that moved out of it
    /// (contract § Incremental listing: a move shows as a change of the client); it reads only
    /// three short columns, so this stays cheap for a large portfolio.
    public func clientPlacements() throws -> [(id: String, branchID: String?, officerID: String?)] {
        try read { db in
            try db.fetchAll(sql: "SELECT id, branch_id, officer_id FROM clients ORDER BY id").map { row in
                (id: try row["id"], branchID: try row["branch_id"], officerID: try row["officer_id"])
            }
        }
    }
}
