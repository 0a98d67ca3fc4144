/// A lazy sequence of results that steps its statement one row at a time.
///
/// Nothing is read ahead, so `next()` on a huge (or endless) query costs one row. A cursor
/// holds a read transaction open until it is exhausted or released, so finish or drop it
/// inside the database closure; it is not `Sendable` because its statement is not.
public final class Cursor<Element> {
    private let statement: Statement
    private let decode: (Row) throws -> Element
    private let columns: RowColumns
    private var isFinished = false

    init(statement: Statement, arguments: StatementArguments, decode: @escaping (Row) throws -> Element) throws {
        self.statement = statement
        self.decode = decode
        self.columns = RowColumns(names: statement.columnNames)
        try statement.prepareForUse(arguments: arguments)
        statement.isInUseByCursor = true
    }

    deinit {
        finish()
    }

    /// The next element, or nil once the statement is done.
    public func next() throws -> Element? {
        guard !isFinished else { return nil }
        do {
            guard try statement.step() else {
                finish()
                return nil
            }
            return try decode(Row(columns: columns, values: statement.currentValues()))
        } catch {
            finish()
            throw error
        }
    }

    /// Calls `body` for each remaining element, stopping at the first error.
    public func forEach(_ body: (Element) throws -> Void) throws {
        while let element = try next() {
            try body(element)
        }
    }

    /// All remaining elements.
    public func all() throws -> [Element] {
        var elements: [Element] = []
        while let element = try next() {
            elements.append(element)
        }
        return elements
    }

    /// Resets the statement, which releases SQLite's read lock and frees a cached statement
    /// for reuse (<https://www.sqlite.org/c3ref/reset.html>).
    private func finish() {
        guard !isFinished else { return }
        isFinished = true
        statement.resetQuietly()
        statement.isInUseByCursor = false
    }
}

@available(*, unavailable, message: "A cursor steps a statement bound to one connection; keep it inside the database closure.")
extension Cursor: Sendable {}
