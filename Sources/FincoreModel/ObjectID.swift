/// The kind of object an `ObjectID` names: a phantom type carrying the `ObjectType`.
public protocol ObjectKind: Sendable {
    static var objectType: ObjectType { get }
}

/// Phantom kinds, one per type of id (`ObjectID<ClientKind>` is a `ClientID`).
public enum ClientKind: ObjectKind { public static var objectType: ObjectType { .client } }
public enum LoanKind: ObjectKind { public static var objectType: ObjectType { .loan } }
public enum PaymentKind: ObjectKind { public static var objectType: ObjectType { .payment } }
public enum PaymentLinkKind: ObjectKind { public static var objectType: ObjectType { .paymentLink } }
public enum WebhookKind: ObjectKind { public static var objectType: ObjectType { .webhook } }
public enum EventKind: ObjectKind { public static var objectType: ObjectType { .event } }
public enum ReportKind: ObjectKind { public static var objectType: ObjectType { .report } }

public typealias ClientID = ObjectID<ClientKind>
public typealias LoanID = ObjectID<LoanKind>
public typealias PaymentID = ObjectID<PaymentKind>
public typealias PaymentLinkID = ObjectID<PaymentLinkKind>
public typealias WebhookID = ObjectID<WebhookKind>
public typealias EventID = ObjectID<EventKind>
public typealias ReportID = ObjectID<ReportKind>

/// A typed object id such as `cl_8f2k…`: the prefix is checked whenever one is made from text.
///
/// Ordering is by the raw string (bytewise for these ASCII ids), which is the tie-break the
/// contract fixes for incremental listing: `(updated_at, id)`.
public struct ObjectID<Kind: ObjectKind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as the API writes it, prefix included.
    public let rawValue: String

    /// An id from its text; nil unless it has this kind's prefix and a valid suffix.
    public init?(_ text: String) {
        guard Kind.objectType.isValidID(text) else { return nil }
        rawValue = text
    }

    /// Parses an id, or names `field` in the error.
    public static func parse(_ text: String, field: String) throws(FieldError) -> ObjectID {
        guard let id = ObjectID(text) else { throw FieldError(field: field, message: invalidMessage) }
        return id
    }

    /// A new random id for the server: the prefix and 24 base-62 characters (about 143 bits).
    public static func generate() -> ObjectID {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// A new id from `generator` (seeded generators give the sandbox deterministic demo data).
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> ObjectID {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var suffix = ""
        for _ in 0..<24 {
            suffix.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))])
        }
        return ObjectID(unchecked: Kind.objectType.idPrefix + suffix)
    }

    private init(unchecked text: String) { rawValue = text }

    static var invalidMessage: String {
        "must be a \(Kind.objectType.rawValue) id starting with \(Kind.objectType.idPrefix)"
    }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    public var description: String { rawValue }
}

extension ObjectID: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let id = ObjectID(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: ObjectID.invalidMessage)
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
