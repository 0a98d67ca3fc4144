import Foundation

/// The JSON configuration of the contract, shared by server and agent, and error-path helpers.
///
/// Keys are spelled out in each type's `CodingKeys` (snake_case, byte for byte as the contract
/// writes them), so neither key strategy is used. Money is integers, timestamps and dates are
/// strings written by their own types. Keys are sorted so that bodies are deterministic
/// (idempotency fingerprints, golden tests).
public enum FincoreJSON {
    /// A new encoder for the contract: sorted keys, `/` unescaped (URLs stay readable).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder for the contract (unknown keys are ignored by every type).
    public static func decoder() -> JSONDecoder { JSONDecoder() }

    /// Encodes `value` with `encoder()`.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder().encode(value)
    }

    /// Decodes `T`, turning any failure into the `FieldError` that names the path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(FieldError) -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw fieldError(from: error)
        } catch {
            throw FieldError(field: "", message: "could not be decoded", code: .invalidValue)
        }
    }

    /// The dotted JSON path of a coding path: `kyc.id_number`, `schedule[2].paid`, `events[1]`.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out
    }

    /// The field error for a decoding failure: its path, and what was wrong in plain words.
    ///
    /// A syntax error has the empty path (the whole body: `400 invalid_request` without details).
    public static func fieldError(from error: DecodingError) -> FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), message: "is required", code: .required)
        case .valueNotFound(_, let context):
            return FieldError(field: path(context.codingPath), message: "must not be null", code: .required)
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(typeName(type))", code: .invalidType)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty && context.underlyingError != nil {
                return FieldError(field: "", message: "the body is not valid JSON", code: .invalidType)
            }
            // Foundation's wording for a number that is not an Int64 ("does not fit").
            let message = context.debugDescription.contains("fit") ? integerMessage : context.debugDescription
            return FieldError(field: field, message: message)
        @unknown default:
            return FieldError(field: "", message: "could not be decoded")
        }
    }

    /// The message for a number that is not an integer in range (money, versions, counts).
    public static let integerMessage = "must be an integer in range"

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            return "an object"
        }
    }
}
