/// One row of a result set: its column names and a copy of its values.
///
/// A row is a value (copied out of the statement when stepped), so it may leave the
/// database closure and cross threads safely, unlike `Statement` and `Database`.
public struct Row: Sendable {
    let columns: RowColumns
    /// The values, in column order.
    public let values: [SQLiteValue]

    init(columns: RowColumns, values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.names }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at a column index, converted to `T`.
    ///
    /// Throws `RowDecodingError` when the index is out of range, the value is NULL and `T` is
    /// not optional, or the storage class does not convert to `T`.
    public subscript<T: SQLiteValueConvertible>(_ index: Int) -> T {
        get throws { try decode(T.self, at: index) }
    }

    /// The value of a named column, converted to `T`; names match case-insensitively.
    public subscript<T: SQLiteValueConvertible>(_ name: String) -> T {
        get throws { try decode(T.self, column: name) }
    }

    /// The value at a column index, converted to `type`.
    public func decode<T: SQLiteValueConvertible>(_ type: T.Type, at index: Int) throws -> T {
        guard values.indices.contains(index) else {
            throw RowDecodingError.indexOutOfRange(index: index, count: values.count)
        }
        let value = values[index]
        if let decoded = T(sqliteValue: value) {
            return decoded
        }
        let column = columns.names[index]
        let expected = String(describing: T.self)
        if value.isNull {
            throw RowDecodingError.unexpectedNull(column: column, index: index, expected: expected)
        }
        throw RowDecodingError.typeMismatch(
            column: column, index: index, expected: expected, actual: value.storageClass)
    }

    /// The value of a named column, converted to `type`.
    public func decode<T: SQLiteValueConvertible>(_ type: T.Type, column name: String) throws -> T {
        guard let index = columns.index(of: name) else {
            throw RowDecodingError.unknownColumn(name: name, available: columns.names)
        }
        return try decode(type, at: index)
    }

    /// Whether the row has a column with this name.
    public func hasColumn(_ name: String) -> Bool { columns.index(of: name) != nil }
}

extension Row: Equatable {
    public static func == (lhs: Row, rhs: Row) -> Bool {
        lhs.columnNames == rhs.columnNames && lhs.values == rhs.values
    }
}

extension Row: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Column names only: a row may hold personal data, so its values are not printed.
    public var description: String { "Row(\(columnNames.joined(separator: ", ")))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["columns": columnNames], displayStyle: .struct) }
}
