import Foundation
import FincoreModel

/// Ids the replica gives objects created offline, before the server has assigned theirs.
///
/// A local id is the type's prefix, `local_`, then 32 hex digits: `cl_local_9f2c…`. The issue
/// asked for `local_cl_…`, but FincoreModel's `ObjectID` accepts only ids that start with the
/// type's prefix, and a local id that is a valid `ClientID` lets the user's view, the request
/// bodies (`NewLoan.clientID`) and every query use the model's types unchanged. `_local_` still
/// marks it at a glance, `apply` refuses a server object that uses the marker, and the sync
/// engine asks `LocalID.isLocal` before putting an id in a path.
public enum LocalID {
    /// The text after the type prefix that marks a local id.
    public static let marker = "local_"

    /// A new local id for `Kind`.
    public static func generate<Kind: ObjectKind>(_ kind: Kind.Type = Kind.self) -> ObjectID<Kind>? {
        ObjectID<Kind>(Kind.objectType.idPrefix + marker + hex(UUID()))
    }

    /// Whether `id` (of any type) is a local id.
    public static func isLocal(_ id: String) -> Bool {
        guard let underscore = id.firstIndex(of: "_") else { return false }
        return id[id.index(after: underscore)...].hasPrefix(marker)
    }

    /// Whether a typed id is a local id.
    public static func isLocal<Kind>(_ id: ObjectID<Kind>) -> Bool { isLocal(id.rawValue) }

    /// A new `external_id` for a create: a UUID, which the contract's 1–255 printable ASCII allows
    /// and which stays unique per type across every agent.
    public static func makeExternalID() -> String { UUID().uuidString.lowercased() }

    private static func hex(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            bytes.map { byte in
                let digits = String(byte, radix: 16)
                return byte < 16 ? "0" + digits : digits
            }.joined()
        }
    }
}
