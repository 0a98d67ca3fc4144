import FincoreModel
import SQLite

/// Reads and writes the user's view of each record: `view_json` and the columns queries use.
///
/// The server's copy (`server_json`, `version`, `updated_at`) is written only by `ServerStore`;
/// this type never touches it, so an overlay can never be mistaken for server state.
enum ViewStore {
    static func client(_ db: Database, _ id: String) throws -> Client? {
        try view(db, "clients", id).map { try JSONStore.decode(Client.self, $0) }
    }

    static func loan(_ db: Database, _ id: String) throws -> Loan? {
        try view(db, "loans", id).map { try JSONStore.decode(Loan.self, $0) }
    }

    static func payment(_ db: Database, _ id: String) throws -> Payment? {
        try view(db, "payments", id).map { try JSONStore.decode(Payment.self, $0) }
    }

    static func link(_ db: Database, _ id: String) throws -> PaymentLink? {
        try view(db, "payment_links", id).map { try JSONStore.decode(PaymentLink.self, $0) }
    }

    private static func view(_ db: Database, _ table: String, _ id: String) throws -> String? {
        try db.fetchOne(String.self, sql: "SELECT view_json FROM \(table) WHERE id = ?", arguments: [id])
    }

    static func write(_ db: Database, client c: Client, pending: Int) throws {
        try db.execute(sql: """
            INSERT INTO clients (id, external_id, view_json, first_name, last_name, phone, date_of_birth, address,
                branch_id, officer_id, status, kyc_status, kyc_id_type, kyc_id_number, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, view_json = excluded.view_json,
                first_name = excluded.first_name, last_name = excluded.last_name, phone = excluded.phone,
                date_of_birth = excluded.date_of_birth, address = excluded.address, branch_id = excluded.branch_id,
                officer_id = excluded.officer_id, status = excluded.status, kyc_status = excluded.kyc_status,
                kyc_id_type = excluded.kyc_id_type, kyc_id_number = excluded.kyc_id_number, pending = excluded.pending
            """, arguments: [
                c.id.rawValue, c.externalID, try JSONStore.text(c), c.firstName, c.lastName, c.phone,
                c.dateOfBirth?.description, c.address, c.branchID, c.officerID, c.status.rawValue,
                c.kyc.status.rawValue, c.kyc.idType?.rawValue, c.kyc.idNumber, pending,
            ])
    }

    static func write(_ db: Database, loan l: Loan, pending: Int) throws {
        try db.execute(sql: """
            INSERT INTO loans (id, external_id, view_json, client_id, branch_id, officer_id, status, currency,
                principal, balance, pending, oldest_unpaid_due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, view_json = excluded.view_json,
                client_id = excluded.client_id, branch_id = excluded.branch_id, officer_id = excluded.officer_id,
                status = excluded.status, currency = excluded.currency, principal = excluded.principal,
                balance = excluded.balance, pending = excluded.pending, oldest_unpaid_due = excluded.oldest_unpaid_due
            """, arguments: [
                l.id.rawValue, l.externalID, try JSONStore.text(l), l.clientID.rawValue, l.branchID, l.officerID,
                l.status.rawValue, l.currency.code, l.principal, l.balance, pending,
                l.schedule.filter { $0.paid < $0.amountDue }.map(\.dueDate).min()?.description,
            ])
        try db.execute(sql: "DELETE FROM instalments WHERE loan_id = ?", arguments: [l.id.rawValue])
        for (index, item) in l.schedule.enumerated() {
            try db.execute(sql: """
                INSERT INTO instalments (loan_id, number, due_date, principal_due, interest_due, amount_due, paid)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    l.id.rawValue, index + 1, item.dueDate.description, item.principalDue, item.interestDue,
                    item.amountDue, item.paid,
                ])
        }
    }

    static func write(_ db: Database, payment p: Payment, pending: Int) throws {
        try db.execute(sql: """
            INSERT INTO payments (id, external_id, view_json, type, loan_id, client_id, branch_id, officer_id,
                amount, currency, method, status, created_at, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, view_json = excluded.view_json,
                type = excluded.type, loan_id = excluded.loan_id, client_id = excluded.client_id,
                branch_id = excluded.branch_id, officer_id = excluded.officer_id, amount = excluded.amount,
                currency = excluded.currency, method = excluded.method, status = excluded.status,
                created_at = excluded.created_at, pending = excluded.pending
            """, arguments: [
                p.id.rawValue, p.externalID, try JSONStore.text(p), p.type.rawValue, p.loanID.rawValue,
                p.clientID.rawValue, p.branchID, p.officerID, p.amount, p.currency.code, p.method.rawValue,
                p.status.rawValue, p.createdAt.description, pending,
            ])
    }

    static func write(_ db: Database, link k: PaymentLink, pending: Int) throws {
        try db.execute(sql: """
            INSERT INTO payment_links (id, external_id, view_json, loan_id, client_id, branch_id, officer_id,
                amount, status, pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, view_json = excluded.view_json,
                loan_id = excluded.loan_id, client_id = excluded.client_id, branch_id = excluded.branch_id,
                officer_id = excluded.officer_id, amount = excluded.amount, status = excluded.status,
                pending = excluded.pending
            """, arguments: [
                k.id.rawValue, k.externalID, try JSONStore.text(k), k.loanID.rawValue, k.clientID.rawValue,
                k.branchID, k.officerID, k.amount, k.status.rawValue, pending,
            ])
    }

    /// Removes a record (and a loan's instalments); the clients trigger removes it from the index.
    static func delete(_ db: Database, type: ObjectType, id: String) throws {
        guard let table = RecordTable.name(type) else { return }
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        if type == .loan {
            try db.execute(sql: "DELETE FROM instalments WHERE loan_id = ?", arguments: [id])
        }
    }
}
