/// What a positional argument (or a reference field) holds, so completion knows what to offer.
///
/// Console does not check id shapes: the executable's resolver may accept a client's name where
/// an id is expected. The kind only steers completion and help.
public enum ArgumentKind: String, Sendable, Hashable, CaseIterable {
    case clientID = "client"
    case loanID = "loan"
    case paymentID = "payment"
    case linkID = "link"
    case webhookID = "webhook"
    case reportID = "report"
    /// Any object id; the prefix (`cl_`, `ln_`, …) says which.
    case anyID = "id"
    case date
    case text

    /// How help names a value of this kind: `CLIENT`, `DATE`.
    public var placeholder: String { rawValue.uppercased() }

    /// True for kinds whose values come from the replica (ids), which the id provider completes.
    public var isIdentifier: Bool {
        switch self {
        case .date, .text: return false
        default: return true
        }
    }
}
