import Console
import FincoreModel
import Replica

/// How objects look in lists and `show`: one table shape per type, shared by every command.
enum Rows {
    /// `4500.50` in the currency's decimals: exact, and typed back as it is shown.
    static func amount(_ minor: Int64, _ currency: Currency) -> String {
        Money(minorUnits: minor, currency: currency).plainString
    }

    /// A mark for objects the server has not seen in their current form.
    static func pending(_ count: Int) -> String? { count > 0 ? "\(count) pending" : nil }

    static func clients(_ clients: [Viewed<Client>]) -> OutputTable {
        OutputTable(columns: [OutputColumn("id"), OutputColumn("name"), OutputColumn("phone"), OutputColumn("status"),
                              OutputColumn("kyc"), OutputColumn("sync")],
                    rows: clients.map { viewed in
                        let c = viewed.value
                        return [c.id.rawValue, "\(c.firstName) \(c.lastName)", c.phone, c.status.rawValue,
                                c.kyc.status.rawValue, pending(viewed.unpushedEdits)]
                    })
    }

    /// A client's fields; the KYC id number is personal data and shown only as whether it is set.
    static func client(_ viewed: Viewed<Client>) -> [(String, String?)] {
        let c = viewed.value
        return [("id", c.id.rawValue), ("first_name", c.firstName), ("last_name", c.lastName), ("phone", c.phone),
                ("email", c.email), ("date_of_birth", c.dateOfBirth?.description), ("address", c.address),
                ("branch_id", c.branchID), ("officer_id", c.officerID), ("status", c.status.rawValue),
                ("kyc.status", c.kyc.status.rawValue), ("kyc.id_type", c.kyc.idType?.rawValue),
                ("kyc.id_number", c.kyc.idNumber == nil ? nil : "(on file)"),
                ("kyc.rejection_reason", c.kyc.rejectionReason), ("version", String(c.version)),
                ("sync", pending(viewed.unpushedEdits) ?? "up to date")]
    }

    static func loans(_ loans: [Viewed<Loan>]) -> OutputTable {
        OutputTable(columns: [OutputColumn("id"), OutputColumn("client_id"), OutputColumn("status"),
                              OutputColumn("principal", .money), OutputColumn("balance", .money),
                              OutputColumn("currency"), OutputColumn("term_months", .number), OutputColumn("sync")],
                    rows: loans.map { viewed in
                        let l = viewed.value
                        return [l.id.rawValue, l.clientID.rawValue, l.status.rawValue, amount(l.principal, l.currency),
                                amount(l.balance, l.currency), l.currency.code, String(l.termMonths),
                                pending(viewed.unpushedEdits)]
                    })
    }

    static func loan(_ viewed: Viewed<Loan>) -> [(String, String?)] {
        let l = viewed.value
        let next = l.schedule.first { !$0.isPaid }
        return [("id", l.id.rawValue), ("client_id", l.clientID.rawValue), ("product", l.product),
                ("status", l.status.rawValue), ("principal", amount(l.principal, l.currency)),
                ("currency", l.currency.code), ("interest_rate_bps", String(l.interestRateBps)),
                ("term_months", String(l.termMonths)), ("balance", amount(l.balance, l.currency)),
                ("next_due", next.map { "\($0.dueDate) \(amount($0.remaining, l.currency))" }),
                ("approved_at", l.approvedAt?.description), ("disbursed_at", l.disbursedAt?.description),
                ("version", String(l.version)), ("sync", pending(viewed.unpushedEdits) ?? "up to date")]
    }

    static func payments(_ payments: [Viewed<Payment>]) -> OutputTable {
        OutputTable(columns: [OutputColumn("id"), OutputColumn("loan_id"), OutputColumn("type"),
                              OutputColumn("amount", .money), OutputColumn("currency"), OutputColumn("method"),
                              OutputColumn("status"), OutputColumn("created"), OutputColumn("sync")],
                    rows: payments.map { viewed in
                        let p = viewed.value
                        return [p.id.rawValue, p.loanID.rawValue, p.type.rawValue, amount(p.amount, p.currency),
                                p.currency.code, p.method.rawValue, p.status.rawValue,
                                CivilDate(p.createdAt).description, pending(viewed.unpushedEdits)]
                    })
    }

    static func payment(_ viewed: Viewed<Payment>) -> [(String, String?)] {
        let p = viewed.value
        return [("id", p.id.rawValue), ("type", p.type.rawValue), ("loan_id", p.loanID.rawValue),
                ("client_id", p.clientID.rawValue), ("amount", amount(p.amount, p.currency)),
                ("currency", p.currency.code), ("method", p.method.rawValue), ("reference", p.reference),
                ("status", p.status.rawValue), ("failure_reason", p.failureReason),
                ("created_at", p.createdAt.description), ("sync", pending(viewed.unpushedEdits) ?? "up to date")]
    }

    static func links(_ links: [Viewed<PaymentLink>]) -> OutputTable {
        OutputTable(columns: [OutputColumn("id"), OutputColumn("loan_id"), OutputColumn("amount", .money),
                              OutputColumn("currency"), OutputColumn("status"), OutputColumn("url"),
                              OutputColumn("sync")],
                    rows: links.map { viewed in
                        let l = viewed.value
                        return [l.id.rawValue, l.loanID.rawValue, amount(l.amount, l.currency), l.currency.code,
                                l.status.rawValue, l.url.isEmpty ? nil : l.url, pending(viewed.unpushedEdits)]
                    })
    }

    static func link(_ viewed: Viewed<PaymentLink>) -> [(String, String?)] {
        let l = viewed.value
        return [("id", l.id.rawValue), ("loan_id", l.loanID.rawValue), ("client_id", l.clientID.rawValue),
                ("amount", amount(l.amount, l.currency)), ("currency", l.currency.code), ("status", l.status.rawValue),
                ("url", l.url.isEmpty ? "(given by the server after sync)" : l.url),
                ("expires_at", l.expiresAt?.description), ("paid_at", l.paidAt?.description),
                ("sync", pending(viewed.unpushedEdits) ?? "up to date")]
    }
}
