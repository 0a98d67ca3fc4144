/// A reason the `Migrator` refused or failed to bring a database up to date.
public enum MigrationError: Error, Sendable {
    /// The database records migrations this code does not know: it was written by a newer
    /// version of the program. Nothing was applied.
    case schemaTooNew(unknown: [String])
    /// The same migration name was registered twice; names are the migration's identity.
    case duplicateName(String)
    /// Migrations must each run in their own transaction, so `migrate` refuses to run inside one.
    case insideTransaction
    /// A migration threw; it was rolled back, and the ones before it stay applied.
    case failed(name: String, underlying: any Error)
}

extension MigrationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .schemaTooNew(let unknown):
            "database schema is newer than this program: unknown migration(s) \(unknown.joined(separator: ", "))"
        case .duplicateName(let name):
            "migration \"\(name)\" is registered twice"
        case .insideTransaction:
            "migrations cannot run inside a transaction"
        case .failed(let name, let underlying):
            "migration \"\(name)\" failed: \(underlying)"
        }
    }
}
