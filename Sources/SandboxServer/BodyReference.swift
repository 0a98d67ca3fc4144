import FincoreModel

/// A create body that names another object: `client_id` of a loan, `loan_id` of a payment or a link.
///
/// Contract § Precise answers: such a reference to an object that does not exist is
/// `400 invalid_request` naming the field; 404 is only for the path's object. The referenced
/// object is looked up before the field stage so that its state (409) is checked first.
enum BodyReference {
    /// The stored `T` that the body's `field` names, or nil when it names none (or is not a string).
    static func find<T: StoredObject>(_ type: T.Type, field: String, _ request: SandboxRequest,
                                      _ tx: StoreTransaction) throws -> T? {
        guard let id = request.bodyString(field) else { return nil }
        return try tx.object(type, id: id)
    }

    /// The body decoded and validated, with the referenced object; a missing reference is one
    /// more `details` entry next to the body's other field errors (§ Errors: one per field).
    static func decode<B: RequestBody, T: StoredObject>(
        _ body: B.Type, referencing found: T?, field: String, _ request: SandboxRequest
    ) throws(APIFailure) -> (B, T) {
        let missing = FieldError(field: field, message: "must name an existing \(T.objectType.rawValue)")
        let decoded: B
        do {
            decoded = try request.decode(body)
        } catch {
            var failure = error
            // A malformed id is already named by the body's own check; name a well-formed one once.
            if found == nil, !failure.details.contains(where: { $0.field == field }) {
                failure.details.append(missing)
                failure.message = "The request was invalid"
            }
            throw failure
        }
        guard let found else { throw .invalidRequest(ValidationErrors([missing])) }
        return (decoded, found)
    }
}
