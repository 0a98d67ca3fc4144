import FincoreModel

/// The table that holds each synced type, and the reverse lookup; a closed table (STYLE habit 7).
enum RecordTable {
    static let tables: [(type: ObjectType, table: String)] = [
        (.client, "clients"), (.loan, "loans"), (.payment, "payments"), (.paymentLink, "payment_links"),
    ]

    /// The table of a synced type; nil for types the replica does not keep (webhooks, reports).
    static func name(_ type: ObjectType) -> String? {
        tables.first { $0.type == type }?.table
    }

    /// The type of an id, from its prefix.
    static func type(ofID id: String) -> ObjectType? {
        tables.first { $0.type.isValidID(id) }?.type
    }
}
