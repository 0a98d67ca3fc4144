/// Reads a request body field by field, collecting every shape error instead of stopping at one.
///
/// Request bodies must see which keys were sent: read-only fields are refused by name
/// (contract § Precise answers), PATCH tells absent from null, and all problems go into one
/// `400 invalid_request` (§ Errors: "one `details` entry per field"). Paths are absolute
/// (`kyc.id_number`), taken from the decoder's coding path, so nested bodies need no prefixing.
public struct RequestReader {
    private let container: KeyedDecodingContainer<AnyKey>
    /// The problems found so far.
    public private(set) var errors: [FieldError] = []

    /// Fields every response object carries and no request body may: `id`, `object`,
    /// `version` and the timestamps (contract § Precise answers).
    public static let commonReadOnlyKeys = ["id", "object", "version", "created_at", "updated_at"]

    /// A reader over the body `decoder` holds; throws if the body is not a JSON object.
    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyKey.self)
    }

    /// The keys the body sent, in no particular order.
    public var sentKeys: Set<String> { Set(container.allKeys.map(\.stringValue)) }

    /// The absolute JSON path of `key` in this object.
    public func path(_ key: String) -> String { FincoreJSON.path(container.codingPath + [AnyKey(key)]) }

    /// Refuses each of `keys` that was sent, naming it.
    public mutating func refuseReadOnly(_ keys: [String]) {
        for key in keys where container.contains(AnyKey(key)) {
            errors.append(FieldError(field: path(key), message: "is read-only", code: .readOnly))
        }
    }

    /// A field that must be sent and not null; nil (with an error recorded) otherwise.
    public mutating func required<T: Decodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard container.contains(AnyKey(key)) else {
            errors.append(FieldError(field: path(key), message: "is required", code: .required))
            return nil
        }
        return decode(key, type)
    }

    /// A field that may be absent or null (both read as nil).
    public mutating func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard container.contains(AnyKey(key)), !isNull(key) else { return nil }
        return decode(key, type)
    }

    /// A field that may be absent, but not null when sent (a PATCH of a required field).
    public mutating func notNull<T: Decodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard container.contains(AnyKey(key)) else { return nil }
        if isNull(key) {
            errors.append(FieldError(field: path(key), message: "must not be null", code: .required))
            return nil
        }
        return decode(key, type)
    }

    /// A PATCH field: absent, null (clear), or a value.
    public mutating func patch<T: Decodable & Hashable & Sendable>(
        _ key: String, as type: T.Type = T.self
    ) -> Patch<T> {
        guard container.contains(AnyKey(key)) else { return .absent }
        if isNull(key) { return .null }
        return decode(key, type).map { .value($0) } ?? .absent
    }

    /// A list of vocabulary strings, each unknown one reported with its index (`events[1]`).
    public mutating func vocabularyList<V: ClosedVocabulary>(_ key: String, of type: V.Type) -> [V]? {
        guard let raws = decode(key, [String].self) else { return nil }
        var values: [V] = []
        for (i, raw) in raws.enumerated() {
            if let value = V(rawValue: raw) {
                values.append(value)
            } else {
                errors.append(FieldError(field: path(key) + "[\(i)]", message: V.unknownValueMessage(raw)))
            }
        }
        return values.count == raws.count ? values : nil
    }

    /// Throws every error collected, if any.
    public func finish() throws(ValidationErrors) {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }

    private func isNull(_ key: String) -> Bool {
        (try? container.decodeNil(forKey: AnyKey(key))) ?? false
    }

    private mutating func decode<T: Decodable>(_ key: String, _ type: T.Type) -> T? {
        do {
            return try container.decode(type, forKey: AnyKey(key))
        } catch let error as DecodingError {
            errors.append(FincoreJSON.fieldError(from: error))
        } catch let error as ValidationErrors {
            errors.append(contentsOf: error.errors)
        } catch {
            // Linux Foundation's internal error for a number that is not an integer in range
            // (see `KeyedDecodingContainer.decodeInteger`).
            errors.append(FieldError(field: path(key), message: FincoreJSON.integerMessage, code: .invalidType))
        }
        return nil
    }
}
