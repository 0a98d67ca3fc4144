/// Every field error of one request at once: the server's `400 invalid_request` `details`.
///
/// Validation never stops at the first problem (contract § Errors: "one `details` entry per
/// field"), so rules append here and the caller throws or answers with the whole list.
public struct ValidationErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError] = []) { self.errors = errors }

    public var isEmpty: Bool { errors.isEmpty }

    /// The fields named, in order, for quick checks (`["kyc.id_type", "kyc.id_number"]`).
    public var fields: [String] { errors.map(\.field) }

    public mutating func append(_ error: FieldError) { errors.append(error) }

    public mutating func append(contentsOf other: [FieldError]) { errors.append(contentsOf: other) }

    /// Appends the rule's error, if it has one.
    public mutating func check(_ error: FieldError?) {
        if let error { errors.append(error) }
    }

    /// Throws `self` when there is at least one error.
    public func throwIfAny() throws(ValidationErrors) {
        if !errors.isEmpty { throw self }
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}
