/// A domain rule refused an operation: a state transition, an overpayment, an overflow.
///
/// Unlike `FieldError` (a request field's shape or value) this is about the object acted on.
/// `errorCode` says which code of the contract's error table a server answers with.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as data.
    public enum Code: String, Hashable, Sendable {
        /// Checked arithmetic would overflow Int64 (amounts are never allowed to wrap).
        case overflow
        /// Two amounts in different currencies were combined.
        case currencyMismatch = "currency_mismatch"
        /// The action is not allowed in the object's current state (contract: `409 invalid_state`).
        case invalidState = "invalid_state"
        /// A payment larger than what is owed (contract: `422 amount_exceeds_balance`).
        case amountExceedsBalance = "amount_exceeds_balance"
        /// An argument outside its domain (a zero term, a negative amount, …).
        case invalidArgument = "invalid_argument"
    }

    public var code: Code
    public var message: String
    /// The request field to blame, when there is one (`amount`, `principal`).
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// The contract's error code a server answers with for this refusal.
    public var errorCode: ErrorCode {
        switch code {
        case .invalidState: return .invalidState
        case .amountExceedsBalance: return .amountExceedsBalance
        case .overflow, .currencyMismatch, .invalidArgument: return .invalidRequest
        }
    }

    /// The `details` entry for the response, when a field is to blame.
    public var fieldError: FieldError? {
        field.map { FieldError(field: $0, message: message) }
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
