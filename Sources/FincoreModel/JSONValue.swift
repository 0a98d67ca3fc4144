import Foundation

/// Any JSON value, kept as data: `error.current`, report `params` and `result`, unknown payloads.
///
/// Integers are kept as `Int64` apart from other numbers, so that minor units inside raw JSON
/// (an `error.current` loan's `balance`) survive exactly.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Decodes this value as `T` (e.g. the `Loan` inside a `version_conflict`'s `error.current`).
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        let data = try FincoreJSON.encoder().encode(self)
        return try FincoreJSON.decoder().decode(type, from: data)
    }

    /// The JSON value of an encodable object (the server puts an object into `error.current`).
    public init<T: Encodable>(encoding value: T) throws {
        let data = try FincoreJSON.encoder().encode(value)
        self = try FincoreJSON.decoder().decode(JSONValue.self, from: data)
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
