import CSQLite
import Foundation

extension Statement {
    /// Binds arguments after checking they match the parameters exactly.
    ///
    /// SQLite would bind NULL to any parameter left out; here a missing, extra or unknown
    /// argument is a `SQLiteError` (code `misuse`) instead. Positional arguments may fill
    /// named parameters (by index), as in SQLite's numbering.
    func bind(_ arguments: StatementArguments) throws {
        switch arguments.storage {
        case .positional(let values):
            guard values.count == parameterCount else {
                throw SQLiteError.misuse(
                    "wrong number of arguments: the statement has \(parameterCount) parameter(s), got \(values.count)",
                    sql: sql, arguments: arguments)
            }
            for (offset, value) in values.enumerated() {
                try bind(value, at: Int32(offset + 1), arguments: arguments)
            }
        case .named(let pairs):
            var byName: [String: SQLiteValue] = [:]
            for pair in pairs {
                guard byName.updateValue(pair.value, forKey: pair.name) == nil else {
                    throw SQLiteError.misuse("argument :\(pair.name) given twice", sql: sql, arguments: arguments)
                }
            }
            var used: Set<String> = []
            for index in (0..<parameterCount).map({ $0 + 1 }) {
                // `?` has no name and `?NNN` is named "?NNN"; both are positional.
                let fullName = sqlite3_bind_parameter_name(handle, Int32(index)).map { String(cString: $0) }
                guard let fullName, !fullName.hasPrefix("?") else {
                    throw SQLiteError.misuse(
                        "parameter \(index) is positional (?); pass positional arguments", sql: sql, arguments: arguments)
                }
                let name = StatementArguments.bareName(fullName)
                guard let value = byName[name] else {
                    throw SQLiteError.misuse("missing argument for parameter :\(name)", sql: sql, arguments: arguments)
                }
                used.insert(name)
                try bind(value, at: Int32(index), arguments: arguments)
            }
            let unknown = pairs.map(\.name).filter { !used.contains($0) }
            guard unknown.isEmpty else {
                throw SQLiteError.misuse(
                    "unknown parameter name(s): \(unknown.map { ":" + $0 }.joined(separator: ", "))",
                    sql: sql, arguments: arguments)
            }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32, arguments: StatementArguments) throws {
        let code: Int32
        switch value {
        case .integer(let int):
            code = sqlite3_bind_int64(handle, index, int)
        case .real(let double):
            code = sqlite3_bind_double(handle, index, double)
        case .text(let string):
            // withCString always gives a non-nil pointer, so "" binds as empty text, not NULL;
            // the explicit byte count keeps embedded NUL characters.
            code = string.withCString { pointer in
                sqlite3_bind_text64(
                    handle, index, pointer, sqlite3_uint64(string.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
        case .blob(let data) where data.isEmpty:
            // An empty Data may have no base address, which SQLite would bind as NULL.
            code = sqlite3_bind_zeroblob(handle, index, 0)
        case .blob(let data):
            code = data.withUnsafeBytes { bytes in
                sqlite3_bind_blob64(handle, index, bytes.baseAddress, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT)
            }
        case .null:
            code = sqlite3_bind_null(handle, index)
        }
        if let error = SQLiteError.check(code, connection: sqlite3_db_handle(handle), sql: sql, arguments: arguments) {
            throw error
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: tells it to copy the bytes before the bind call returns.
///
/// The C macro casts -1 to a function pointer, which Swift cannot import; this is the
/// same bit pattern.
private var SQLITE_TRANSIENT: sqlite3_destructor_type {
    unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
