import FincoreModel

/// A synced resource, pulled in this order: parents before what refers to them.
public enum SyncResource: String, CaseIterable, Codable, Sendable {
    case clients
    case loans
    case payments
    case paymentLinks = "payment_links"

    /// The export resource of a first sync, nil where the contract has none (§ Reports:
    /// `export` covers clients, loans and payments; payment links are always paged).
    public var exportResource: ExportResource? {
        switch self {
        case .clients: return .clients
        case .loans: return .loans
        case .payments: return .payments
        case .paymentLinks: return nil
        }
    }

    /// The type of the objects listed.
    public var objectType: ObjectType {
        switch self {
        case .clients: return .client
        case .loans: return .loan
        case .payments: return .payment
        case .paymentLinks: return .paymentLink
        }
    }

    /// The name of its cursor in the replica (`sync_cursors.resource`).
    var cursorName: String { rawValue }
}
