import FincoreModel

/// A refusal or failure of the replica, as data: a code, a message and the field to blame.
///
/// Messages name fields and rules, never values: a refused KYC edit must not put the ID number
/// it refused into a log (STYLE habit 1). A refused edit carries every field problem in
/// `details` at once, in the shape of the contract's `error.details`.
public struct ReplicaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Hashable, Sendable {
        /// A field of the edit breaks a value rule (the server would answer `400 invalid_request`).
        case invalidRequest = "invalid_request"
        /// The edit is not allowed in the object's current local state (`409 invalid_state`).
        case invalidState = "invalid_state"
        /// A repayment or link above what is left to pay (`422 amount_exceeds_balance`).
        case amountExceedsBalance = "amount_exceeds_balance"
        /// No such object, outbox entry or cursor in this replica.
        case notFound = "not_found"
        /// The file was written by a newer program: its schema has migrations this code lacks.
        case schemaTooNew = "schema_too_new"
        /// `wipe` refused: the outbox holds edits the server has not seen.
        case unpushedEdits = "unpushed_edits"
        /// A server object that cannot be stored (an id using the local marker, a bad shape).
        case invalidObject = "invalid_object"
        /// The replica's directory or files could not be set up.
        case location
    }

    public var code: Code
    public var message: String
    /// The request field to blame, when one is (`amount`, `kyc.id_number`).
    public var field: String?
    /// Every field problem of a refused edit.
    public var details: [FieldError]

    public init(_ code: Code, _ message: String, field: String? = nil, details: [FieldError] = []) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    /// The fields named in `details`, in order.
    public var fields: [String] { details.map(\.field) }

    public var description: String {
        var text = field.map { "\($0): \(message)" } ?? message
        if !details.isEmpty { text += " (" + details.map(\.description).joined(separator: "; ") + ")" }
        return text
    }

    static func notFound(_ type: ObjectType, _ id: String) -> ReplicaError {
        // Ids are not personal data; they are what a user types to find the object again.
        ReplicaError(.notFound, "no \(type.rawValue) \(id) in the replica")
    }
}
