import FincoreModel

/// Collects every reason to refuse an edit, so the caller hears all of them at once.
///
/// The code of the refusal is the gravest found: a state problem, then an amount over the
/// balance, then field values; `details` lists every field problem whatever its kind.
struct EditCheck {
    private(set) var details: [FieldError] = []
    private var code = ReplicaError.Code.invalidRequest

    mutating func add(_ errors: ValidationErrors) {
        details += errors.errors
    }

    mutating func add(_ error: FieldError) {
        details.append(error)
    }

    /// A state refusal (`409 invalid_state`), blamed on `field`.
    mutating func state(_ message: String, field: String) {
        details.append(FieldError(field: field, message: message))
        code = .invalidState
    }

    /// A refusal from the model's rules; `field` is used when the model names none.
    mutating func add(_ error: ModelError, field: String) {
        details.append(FieldError(field: error.field ?? field, message: error.message))
        switch error.code {
        case .invalidState: code = .invalidState
        case .amountExceedsBalance where code != .invalidState: code = .amountExceedsBalance
        default: break
        }
    }

    /// Throws the refusal when anything was found; writes nothing before this passes.
    func throwIfRefused(_ what: String) throws {
        guard !details.isEmpty else { return }
        let count = details.count
        throw ReplicaError(code, "\(what) refused: \(count) problem\(count == 1 ? "" : "s")", details: details)
    }
}
