import Foundation

/// A Swift type that converts to and from a `SQLiteValue`.
///
/// Conversions are strict on purpose: TEXT never silently becomes a number and NULL never
/// becomes a default. A mismatch in a lending database is almost always a schema bug, and
/// `Row` turns it into a `RowDecodingError` naming the column.
public protocol SQLiteValueConvertible {
    /// The value to bind for this Swift value.
    var sqliteValue: SQLiteValue { get }

    /// Creates a Swift value from a stored value, or returns nil when the storage class does
    /// not fit (for example TEXT where an integer is expected, or NULL for a non-optional).
    init?(sqliteValue: SQLiteValue)
}

extension SQLiteValue: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { self }
    public init?(sqliteValue: SQLiteValue) { self = sqliteValue }
}

extension Int64: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .integer(self) }
    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
    public init?(sqliteValue: SQLiteValue) {
        // Int(exactly:) keeps this correct on a 32-bit platform instead of trapping.
        guard case .integer(let value) = sqliteValue, let int = Int(exactly: value) else { return nil }
        self = int
    }
}

extension Double: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .real(self) }
    public init?(sqliteValue: SQLiteValue) {
        // SQLite itself returns INTEGER for whole-number results of expressions such as
        // `sum(x)`, so accepting integers here is what the caller means, and lossless below 2^53.
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .text(self) }
    public init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Data: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .blob(self) }
    public init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Bool: SQLiteValueConvertible {
    /// Stored as 0 or 1, as SQLite's own `TRUE` and `FALSE` keywords are.
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
    public init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue {
            self = .none
        } else if let value = Wrapped(sqliteValue: sqliteValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
