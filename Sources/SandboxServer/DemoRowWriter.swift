import FincoreModel
import Foundation
import SQLite

/// Writes demo objects into the `objects` table through one prepared statement, with the same
/// columns `StoreTransaction.insert` writes but no events (seeding publishes nothing).
///
/// Lives inside one `DatabaseQueue` closure, like the statement it holds.
final class DemoRowWriter {
    private let statement: Statement
    private var document = DocumentWriter(capacity: 4096)
    private var values: [SQLiteValue] = []
    /// Rows written so far.
    private(set) var count = 0

    init(_ db: Database) throws {
        statement = try db.makeStatement(sql: """
            INSERT INTO objects (id, kind, external_id, created_at, updated_at, version,
                                 branch_id, officer_id, status, client_id, loan_id, type, doc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        values.reserveCapacity(13)
    }

    /// Every object of a portfolio: the client, then its loans, payments and links.
    func write(_ portfolio: DemoPortfolio) throws {
        try write(portfolio.client)
        for loan in portfolio.loans { try write(loan) }
        for payment in portfolio.payments { try write(payment) }
        for link in portfolio.links { try write(link) }
    }

    func write(_ client: Client) throws {
        document.reset()
        document.write(client)
        try insert(client, branch: client.branchID, officer: client.officerID, status: client.status.rawValue,
                   client: nil, loan: nil, type: nil)
    }

    func write(_ loan: Loan) throws {
        document.reset()
        document.write(loan)
        try insert(loan, branch: loan.branchID, officer: loan.officerID, status: loan.status.rawValue,
                   client: loan.clientID.rawValue, loan: nil, type: nil)
    }

    func write(_ payment: Payment) throws {
        document.reset()
        document.write(payment)
        try insert(payment, branch: payment.branchID, officer: payment.officerID, status: payment.status.rawValue,
                   client: payment.clientID.rawValue, loan: payment.loanID.rawValue, type: payment.type.rawValue)
    }

    func write(_ link: PaymentLink) throws {
        document.reset()
        document.write(link)
        try insert(link, branch: link.branchID, officer: link.officerID, status: link.status.rawValue,
                   client: link.clientID.rawValue, loan: link.loanID.rawValue, type: nil)
    }

    /// One row: the filter columns are spelled out per type here rather than read from
    /// `filterColumns` (a dictionary per row); the tests check both agree.
    private func insert<T: StoredObject>(_ object: T, branch: String?, officer: String?, status: String,
                                         client: String?, loan: String?, type: String?) throws {
        values.removeAll(keepingCapacity: true)
        values.append(.text(object.idText))
        values.append(.text(T.objectType.rawValue))
        values.append(Self.text(object.externalID))
        values.append(.integer(object.createdAt.microsecondsSinceEpoch))
        values.append(.integer(object.updatedAt.microsecondsSinceEpoch))
        values.append(.integer(Int64(object.version)))
        values.append(Self.text(branch))
        values.append(Self.text(officer))
        values.append(.text(status))
        values.append(Self.text(client))
        values.append(Self.text(loan))
        values.append(Self.text(type))
        values.append(.blob(Data(document.bytes)))
        try statement.execute(arguments: StatementArguments(positional: values))
        count += 1
    }

    private static func text(_ value: String?) -> SQLiteValue {
        value.map { .text($0) } ?? .null
    }
}
