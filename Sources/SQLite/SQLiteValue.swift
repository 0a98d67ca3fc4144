import Foundation

/// A value as SQLite stores it: one of its five storage classes.
///
/// See <https://www.sqlite.org/datatype3.html>. Every value bound to a statement or read from a
/// row passes through this type, so the C boundary has exactly five cases to handle.
public enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
    case null

    /// The storage class of a value, named as SQLite names it; used in decode errors.
    ///
    /// Errors report the storage class rather than the value itself, because values may be
    /// personal data.
    public enum StorageClass: String, Sendable, Hashable, CustomStringConvertible {
        case integer = "INTEGER"
        case real = "REAL"
        case text = "TEXT"
        case blob = "BLOB"
        case null = "NULL"

        public var description: String { rawValue }
    }

    /// The storage class of this value.
    public var storageClass: StorageClass {
        switch self {
        case .integer: .integer
        case .real: .real
        case .text: .text
        case .blob: .blob
        case .null: .null
        }
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool { self == .null }
}

extension SQLiteValue: CustomStringConvertible {
    /// A SQL-literal-like rendering; only used when arguments are explicitly revealed.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let value): "X'" + value.map { String(format: "%02X", $0) }.joined() + "'"
        case .null: "NULL"
        }
    }
}
