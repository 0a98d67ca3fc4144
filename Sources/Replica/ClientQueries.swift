import FincoreModel
import SQLite

/// Offline lookups of clients and what belongs to them, all on the user's view.
extension Replica {
    /// Clients whose first or last name, phone or ID number contains `text` (case-insensitive).
    ///
    /// Three characters or more use the trigram index (a substring query on 100,000 clients is
    /// an index lookup); shorter text falls back to a prefix scan of names and phone, since a
    /// trigram index cannot answer fewer than three characters. The first `limit` matches are
    /// returned sorted by name; a fragment with more matches needs more letters to narrow it.
    public func searchClients(_ text: String, limit: Int = 20) throws -> [Viewed<Client>] {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return [] }
        return try read { db in
            let rows: [Row]
            if query.unicodeScalars.count >= 3 {
                // One FTS5 string (a phrase): quotes doubled, so no query syntax leaks through.
                let phrase = "\"" + query.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                // No ORDER BY: a common fragment ("ana") matches thousands of clients, and sorting
                // them all to keep `limit` cost 10 ms on 100,000 clients; the page is sorted below.
                rows = try db.fetchAll(sql: """
                    SELECT c.view_json, c.pending FROM clients_fts f JOIN clients c ON c.rowid = f.rowid
                    WHERE clients_fts MATCH ? LIMIT ?
                    """, arguments: [phrase, limit])
            } else {
                let pattern = query.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                rows = try db.fetchAll(sql: """
                    SELECT view_json, pending FROM clients
                    WHERE first_name LIKE ?1 ESCAPE '\\' OR last_name LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\'
                    ORDER BY last_name, first_name LIMIT ?2
                    """, arguments: [pattern, limit])
            }
            return try rows.map { try Self.viewed(Client.self, $0) }.sorted {
                ($0.value.lastName, $0.value.firstName, $0.value.id) < ($1.value.lastName, $1.value.firstName, $1.value.id)
            }
        }
    }

    /// Clients filtered by status, branch and officer (each optional), by last name.
    public func clients(
        status: ClientStatus? = nil, branchID: String? = nil, officerID: String? = nil, limit: Int = 100, offset: Int = 0
    ) throws -> [Viewed<Client>] {
        try read { db in
            try db.fetchAll(sql: """
                SELECT view_json, pending FROM clients
                WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR branch_id = ?2) AND (?3 IS NULL OR officer_id = ?3)
                ORDER BY last_name, first_name, id LIMIT ?4 OFFSET ?5
                """, arguments: [status?.rawValue, branchID, officerID, limit, offset])
                .map { try Self.viewed(Client.self, $0) }
        }
    }

    /// One client as the user sees it; a local id keeps working after the server assigns one.
    public func client(_ id: ClientID) throws -> Viewed<Client>? {
        try one(Client.self, table: "clients", id: id.rawValue)
    }

    /// One loan as the user sees it.
    public func loan(_ id: LoanID) throws -> Viewed<Loan>? {
        try one(Loan.self, table: "loans", id: id.rawValue)
    }

    /// One payment as the user sees it.
    public func payment(_ id: PaymentID) throws -> Viewed<Payment>? {
        try one(Payment.self, table: "payments", id: id.rawValue)
    }

    /// One payment link as the user sees it.
    public func paymentLink(_ id: PaymentLinkID) throws -> Viewed<PaymentLink>? {
        try one(PaymentLink.self, table: "payment_links", id: id.rawValue)
    }

    /// A client's loans, newest first.
    public func loans(ofClient id: ClientID) throws -> [Viewed<Loan>] {
        try list(Loan.self, sql: "SELECT view_json, pending FROM loans WHERE client_id = ? ORDER BY rowid DESC", id.rawValue)
    }

    /// A client's payments, newest first; unpushed ones are marked.
    public func payments(ofClient id: ClientID) throws -> [Viewed<Payment>] {
        try list(Payment.self, sql: """
            SELECT view_json, pending FROM payments WHERE client_id = ? ORDER BY created_at DESC, rowid DESC
            """, id.rawValue)
    }

    /// A loan's payments, newest first; unpushed ones are marked.
    public func payments(ofLoan id: LoanID) throws -> [Viewed<Payment>] {
        try list(Payment.self, sql: """
            SELECT view_json, pending FROM payments WHERE loan_id = ? ORDER BY created_at DESC, rowid DESC
            """, id.rawValue)
    }

    /// A loan's payment links, newest first.
    public func paymentLinks(ofLoan id: LoanID) throws -> [Viewed<PaymentLink>] {
        try list(PaymentLink.self, sql: "SELECT view_json, pending FROM payment_links WHERE loan_id = ? ORDER BY rowid DESC",
                 id.rawValue)
    }

    private func one<T: Decodable & Sendable>(_ type: T.Type, table: String, id: String) throws -> Viewed<T>? {
        try read { db in
            let id = try Aliases.resolve(db, id)
            return try db.fetchOne(sql: "SELECT view_json, pending FROM \(table) WHERE id = ?", arguments: [id])
                .map { try Self.viewed(type, $0) }
        }
    }

    private func list<T: Decodable & Sendable>(_ type: T.Type, sql: String, _ id: String) throws -> [Viewed<T>] {
        try read { db in
            try db.fetchAll(sql: sql, arguments: [try Aliases.resolve(db, id)]).map { try Self.viewed(type, $0) }
        }
    }

    static func viewed<T: Decodable & Sendable>(_ type: T.Type, _ row: Row) throws -> Viewed<T> {
        Viewed(value: try JSONStore.decode(type, try row["view_json"]), unpushedEdits: try row["pending"])
    }
}
