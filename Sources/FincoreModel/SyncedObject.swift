/// Any object a webhook event or an export line may carry, told apart by its `object` field.
///
/// `{"deleted": true, …}` is a tombstone (a `client.deleted` event carries one). An unknown
/// `object` value is a decoding error at `object` (vocabularies are closed, see `ClosedVocabulary`).
public enum SyncedObject: Hashable, Sendable {
    case client(Client)
    case loan(Loan)
    case payment(Payment)
    case paymentLink(PaymentLink)
    case webhook(Webhook)
    case report(Report)
    case tombstone(Tombstone)

    /// The type of the object (the deleted object's type for a tombstone).
    public var objectType: ObjectType {
        switch self {
        case .client: return .client
        case .loan: return .loan
        case .payment: return .payment
        case .paymentLink: return .paymentLink
        case .webhook: return .webhook
        case .report: return .report
        case .tombstone(let tombstone): return tombstone.object
        }
    }

    /// The object's id as text.
    public var id: String {
        switch self {
        case .client(let x): return x.id.rawValue
        case .loan(let x): return x.id.rawValue
        case .payment(let x): return x.id.rawValue
        case .paymentLink(let x): return x.id.rawValue
        case .webhook(let x): return x.id.rawValue
        case .report(let x): return x.id.rawValue
        case .tombstone(let x): return x.id
        }
    }
}

extension SyncedObject: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        if try c.decodeIfPresent(Bool.self, forKey: AnyKey("deleted")) == true {
            self = .tombstone(try Tombstone(from: decoder))
            return
        }
        switch try c.decode(ObjectType.self, forKey: AnyKey("object")) {
        case .client: self = .client(try Client(from: decoder))
        case .loan: self = .loan(try Loan(from: decoder))
        case .payment: self = .payment(try Payment(from: decoder))
        case .paymentLink: self = .paymentLink(try PaymentLink(from: decoder))
        case .webhook: self = .webhook(try Webhook(from: decoder))
        case .report: self = .report(try Report(from: decoder))
        case .event:
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey("object"), in: c, debugDescription: "an event cannot be an event's object")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .client(let x): try x.encode(to: encoder)
        case .loan(let x): try x.encode(to: encoder)
        case .payment(let x): try x.encode(to: encoder)
        case .paymentLink(let x): try x.encode(to: encoder)
        case .webhook(let x): try x.encode(to: encoder)
        case .report(let x): try x.encode(to: encoder)
        case .tombstone(let x): try x.encode(to: encoder)
        }
    }
}
