import FincoreModel
import SQLite

/// A synced object the sandbox keeps: its JSON as the API answers it, plus the columns that
/// filters and `sort=updated_at` need (contract § Incremental listing).
protocol StoredObject: Codable, Sendable {
    static var objectType: ObjectType { get }
    var idText: String { get }
    var externalID: String? { get }
    var createdAt: Timestamp { get set }
    var updatedAt: Timestamp { get set }
    var version: Int { get set }
    /// Values of the filter columns (`branch_id`, `officer_id`, `status`, `client_id`, `loan_id`, `type`).
    var filterColumns: [String: String?] { get }
}

extension Client: StoredObject {
    var idText: String { id.rawValue }
    var filterColumns: [String: String?] {
        ["branch_id": branchID, "officer_id": officerID, "status": status.rawValue]
    }
}

extension Loan: StoredObject {
    var idText: String { id.rawValue }
    var filterColumns: [String: String?] {
        ["branch_id": branchID, "officer_id": officerID, "status": status.rawValue,
         "client_id": clientID.rawValue]
    }
}

extension Payment: StoredObject {
    var idText: String { id.rawValue }
    var filterColumns: [String: String?] {
        ["branch_id": branchID, "officer_id": officerID, "status": status.rawValue,
         "client_id": clientID.rawValue, "loan_id": loanID.rawValue, "type": type.rawValue]
    }
}

extension PaymentLink: StoredObject {
    var idText: String { id.rawValue }
    var filterColumns: [String: String?] {
        ["branch_id": branchID, "officer_id": officerID, "status": status.rawValue,
         "client_id": clientID.rawValue, "loan_id": loanID.rawValue]
    }
}
