/// The `object` field of an API object: its type name, and the id prefix that goes with it.
///
/// Contract § Conventions: "IDs are server-assigned strings with a type prefix: `cl_`, `ln_`,
/// `py_`, `pl_`, `wh_`, `ev_`, `rp_`".
public enum ObjectType: String, ClosedVocabulary {
    case client
    case loan
    case payment
    case paymentLink = "payment_link"
    case webhook
    case event
    case report

    /// The prefix of this type's ids, underscore included.
    public var idPrefix: String {
        switch self {
        case .client: return "cl_"
        case .loan: return "ln_"
        case .payment: return "py_"
        case .paymentLink: return "pl_"
        case .webhook: return "wh_"
        case .event: return "ev_"
        case .report: return "rp_"
        }
    }

    /// Whether `id` is a well-formed id of this type: the prefix, then 1–128 of `[A-Za-z0-9_-]`.
    ///
    /// The suffix alphabet is ours (the contract only fixes the prefix); it keeps ids safe in
    /// paths, headers and SQL without quoting questions.
    public func isValidID(_ id: String) -> Bool {
        guard id.hasPrefix(idPrefix) else { return false }
        let suffix = id.utf8.dropFirst(idPrefix.utf8.count)
        return (1...128).contains(suffix.count) && suffix.allSatisfy { byte in
            byte.isASCIIDigit || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
