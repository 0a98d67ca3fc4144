import FincoreModel

/// The kind of value a `key=value` field takes: steers help, completion and a first check.
///
/// The check here is only what is the same for every command (an enum value from its list, a
/// whole number, a calendar date). Money, phone and email keep the model's own validation,
/// which knows currencies and formats, so there is one rule for each, not two.
public enum FieldKind: Sendable, Hashable {
    case text
    case money
    case date
    case integer
    case phone
    case email
    case boolean
    /// One of a closed list of values (`method=mobile_money`).
    case oneOf([String])
    /// An id of some kind (`client=cl_…`), completed by the id provider.
    case reference(ArgumentKind)

    /// How help shows the value: `MONEY`, `mobile_money|bank|cash`.
    public var placeholder: String {
        switch self {
        case .text: return "TEXT"
        case .money: return "MONEY"
        case .date: return "DATE"
        case .integer: return "N"
        case .phone: return "PHONE"
        case .email: return "EMAIL"
        case .boolean: return "true|false"
        case .oneOf(let values): return values.joined(separator: "|")
        case .reference(let kind): return kind.placeholder
        }
    }

    /// The values completion offers, for closed kinds.
    public var values: [String] {
        switch self {
        case .oneOf(let values): return values
        case .boolean: return ["true", "false"]
        default: return []
        }
    }

    /// Why `value` cannot be of this kind, or nil when it may be.
    public func problem(with value: String, field: String) -> UsageError? {
        switch self {
        case .oneOf(let values) where !values.contains(value):
            return .invalidField(name: field, value: value, reason: "expected one of \(values.joined(separator: ", "))",
                                 suggestion: NearestMatch.find(value, among: values))
        case .boolean where value != "true" && value != "false":
            return .invalidField(name: field, value: value, reason: "expected true or false", suggestion: nil)
        case .integer where Int(value) == nil:
            return .invalidField(name: field, value: value, reason: "expected a whole number", suggestion: nil)
        case .date where CivilDate(value) == nil:
            return .invalidField(name: field, value: value, reason: "expected a date as YYYY-MM-DD", suggestion: nil)
        default:
            return nil
        }
    }
}
