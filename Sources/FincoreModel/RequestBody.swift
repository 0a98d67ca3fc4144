import Foundation

/// A request body type shared by server (decodes and validates) and agent (builds and encodes).
///
/// Decoding checks shape (types, required keys, vocabularies, read-only keys) and reports
/// every shape error at once; `validate()` then checks values (lengths, formats, ranges) and
/// reports every value error at once. `FincoreJSON.decodeRequest` runs both.
public protocol RequestBody: Codable, Hashable, Sendable {
    /// Every value rule this body breaks, in field order; empty when valid.
    func validate() -> ValidationErrors
}

extension FincoreJSON {
    /// Decodes and validates a request body: the server's whole `400 invalid_request` check.
    ///
    /// Malformed JSON yields one error with the empty field (no `details` entry is meaningful).
    public static func decodeRequest<T: RequestBody>(_ type: T.Type, from data: Data) throws(ValidationErrors) -> T {
        let value: T
        do {
            value = try decoder().decode(type, from: data)
        } catch let error as ValidationErrors {
            throw error
        } catch let error as DecodingError {
            throw ValidationErrors([fieldError(from: error)])
        } catch {
            throw ValidationErrors([FieldError(field: "", message: "the body is not valid JSON", code: .invalidType)])
        }
        try value.validate().throwIfAny()
        return value
    }
}
