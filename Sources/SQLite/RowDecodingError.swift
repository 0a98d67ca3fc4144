/// A failure to read a typed value out of a `Row`.
///
/// It names the column and the storage class found, never the value, which may be
/// personal data.
public enum RowDecodingError: Error, Sendable, Equatable {
    /// No column has this name.
    case unknownColumn(name: String, available: [String])
    /// The index is not one of the row's columns.
    case indexOutOfRange(index: Int, count: Int)
    /// The column holds NULL but the requested type is not optional.
    case unexpectedNull(column: String, index: Int, expected: String)
    /// The column's storage class does not convert to the requested type.
    case typeMismatch(column: String, index: Int, expected: String, actual: SQLiteValue.StorageClass)
}

extension RowDecodingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            "no column named \"\(name)\" (columns: \(available.joined(separator: ", ")))"
        case .indexOutOfRange(let index, let count):
            "column index \(index) out of range (row has \(count) columns)"
        case .unexpectedNull(let column, let index, let expected):
            "column \"\(column)\" (index \(index)): expected \(expected), found NULL"
        case .typeMismatch(let column, let index, let expected, let actual):
            "column \"\(column)\" (index \(index)): expected \(expected), found \(actual)"
        }
    }
}
