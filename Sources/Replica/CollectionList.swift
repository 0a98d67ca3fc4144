import FincoreModel
import SQLite

/// What a loan officer goes out to collect: unpaid instalments of active loans due in a period,
/// or already late, with the client's name and phone.
public struct CollectionList: Sendable {
    /// One unpaid instalment.
    public struct Item: Hashable, Sendable {
        public let loanID: LoanID
        public let clientID: ClientID
        public let firstName: String
        public let lastName: String
        public let phone: String?
        /// 1 for the first instalment.
        public let number: Int
        public let dueDate: CivilDate
        /// What is still owed on this instalment (the view's, so offline repayments count).
        public let remaining: Money
        /// Days between the due date and the list's day; 0 or less when not yet late.
        public let daysPastDue: Int
    }

    public let items: [Item]

    /// Instalments (unpaid, active loans) due from `from` to `to` inclusive; `daysPastDue` is
    /// counted to `asOf`. Optionally one branch's or one officer's.
    static func due(
        _ db: Database, from: CivilDate, to: CivilDate, asOf: CivilDate, branchID: String?, officerID: String?,
        limit: Int
    ) throws -> CollectionList {
        // `paid < amount_due` repeats the partial index's condition so the planner uses it, and
        // CROSS JOIN keeps instalments the outer loop: a day's instalments are few, active loans many
        // (<https://www.sqlite.org/optoverview.html#manual_control_of_query_plans_using_cross_join>).
        let rows = try db.fetchAll(sql: """
            SELECT i.loan_id, i.number, i.due_date, i.amount_due - i.paid AS remaining, l.client_id, l.currency,
                   c.first_name, c.last_name, c.phone
            FROM instalments i CROSS JOIN loans l ON l.id = i.loan_id JOIN clients c ON c.id = l.client_id
            WHERE i.due_date BETWEEN ?1 AND ?2 AND i.paid < i.amount_due AND l.status = 'active'
              AND (?3 IS NULL OR l.branch_id = ?3) AND (?4 IS NULL OR l.officer_id = ?4)
            ORDER BY i.due_date, c.last_name, c.first_name, i.loan_id LIMIT ?5
            """, arguments: [from.description, to.description, branchID, officerID, limit])
        return CollectionList(items: try rows.compactMap { row in
            guard let loanID = LoanID(try row["loan_id"]), let clientID = ClientID(try row["client_id"]),
                  let due = CivilDate(try row["due_date"] as String), let currency = Currency(code: try row["currency"])
            else { return nil }
            return Item(
                loanID: loanID, clientID: clientID, firstName: try row["first_name"], lastName: try row["last_name"],
                phone: try row["phone"], number: try row["number"], dueDate: due,
                remaining: Money(minorUnits: try row["remaining"], currency: currency),
                daysPastDue: Int(due.days(until: asOf)))
        })
    }
}

extension Replica {
    /// Unpaid instalments due on `day`.
    public func collectionList(dueOn day: CivilDate, branchID: String? = nil, officerID: String? = nil,
                               limit: Int = 1000) throws -> CollectionList {
        try collectionList(from: day, to: day, asOf: day, branchID: branchID, officerID: officerID, limit: limit)
    }

    /// Unpaid instalments due from `from` to `to`, days past due counted to `asOf`.
    public func collectionList(from: CivilDate, to: CivilDate, asOf: CivilDate, branchID: String? = nil,
                               officerID: String? = nil, limit: Int = 1000) throws -> CollectionList {
        try read { db in
            try CollectionList.due(db, from: from, to: to, asOf: asOf, branchID: branchID, officerID: officerID,
                                   limit: limit)
        }
    }

    /// Unpaid instalments already late on `asOf` (due before it), oldest first.
    public func overdueList(asOf: CivilDate, branchID: String? = nil, officerID: String? = nil,
                            limit: Int = 1000) throws -> CollectionList {
        try read { db in
            try CollectionList.due(db, from: CivilDate(daysSinceEpoch: -719_162), to: asOf.adding(days: -1),
                                   asOf: asOf, branchID: branchID, officerID: officerID, limit: limit)
        }
    }
}
