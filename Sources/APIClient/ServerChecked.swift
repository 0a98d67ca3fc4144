import FincoreModel

/// A decoded answer checked for values no server following the contract can send, beyond
/// what decoding itself checks (types, id prefixes, closed vocabularies, integer range).
///
/// Contract § Loans and § Payments: amounts and principals are counts of minor units greater
/// than zero; a `balance` is outstanding money, never below zero; a tombstone in a list is of
/// the listed type. A replica that stored a negative payment or a loan list's tombstone of a
/// client would show wrong money or lose a record, so such an answer is refused whole, like
/// one of the wrong shape (`MalformedResponse.Problem.unexpectedShape`, naming the field).
protocol ServerChecked {
    /// The first implausible field, its path relative to this value; nil when all is plausible.
    func implausibleField() -> FieldError?
}

extension ServerChecked {
    /// `problem` with `prefix` put before its path (`data[3]` + `amount` → `data[3].amount`).
    static func nested(_ problem: FieldError?, under prefix: String) -> FieldError? {
        guard var problem else { return nil }
        problem.field = problem.field.isEmpty ? prefix
            : problem.field.hasPrefix("[") ? prefix + problem.field : prefix + "." + problem.field
        return problem
    }

    static func positive(_ value: Int64, _ field: String) -> FieldError? {
        value > 0 ? nil : FieldError(field: field, message: "must be greater than zero")
    }

    static func notNegative(_ value: Int64, _ field: String) -> FieldError? {
        value >= 0 ? nil : FieldError(field: field, message: "must not be negative")
    }
}
