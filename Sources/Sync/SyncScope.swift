import APIClient
import FincoreModel

/// Which part of the portfolio this replica keeps: everything, one branch, or one officer's clients.
///
/// Stored per replica (see `SyncEngine.setScope`). A client's `branch_id` and `officer_id` are
/// copied onto its loans, payments and links (contract § Incremental listing), so one test
/// decides for every type.
public enum SyncScope: Codable, Sendable, Hashable, CustomStringConvertible {
    case all
    case branch(String)
    case officer(String)

    /// Whether an object placed at `branchID` / `officerID` belongs to this scope.
    public func contains(branchID: String?, officerID: String?) -> Bool {
        switch self {
        case .all: return true
        case .branch(let branch): return branchID == branch
        case .officer(let officer): return officerID == officer
        }
    }

    /// The `branch_id` filter of listings and exports.
    public var branchID: String? {
        if case .branch(let branch) = self { return branch }
        return nil
    }

    /// The `officer_id` filter of listings and exports.
    public var officerID: String? {
        if case .officer(let officer) = self { return officer }
        return nil
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case .branch(let branch): return "branch \(branch)"
        case .officer(let officer): return "officer \(officer)"
        }
    }
}
