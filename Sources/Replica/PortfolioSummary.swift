import FincoreModel
import SQLite

/// Counts and sums of the loan portfolio, computed locally from the user's view.
///
/// Amounts are per currency: minor units of different currencies never add up. Portfolio at
/// risk over 30 days (PAR30) is the outstanding balance of active loans with an instalment
/// unpaid more than 30 days after it fell due, the usual microfinance measure.
public struct PortfolioSummary: Hashable, Sendable {
    /// Loans of one status in one currency.
    public struct Line: Hashable, Sendable {
        public let status: LoanStatus
        public let count: Int
        public let principal: Money
        public let balance: Money
    }

    public let lines: [Line]
    /// The balance of active loans, per currency.
    public let outstanding: [Money]
    /// PAR30 per currency.
    public let atRisk30: [Money]

    /// PAR30 as a share of the outstanding balance of `currency`, in basis points.
    public func atRisk30Bps(_ currency: Currency) -> Int {
        let total = outstanding.first { $0.currency == currency }?.minorUnits ?? 0
        let risk = atRisk30.first { $0.currency == currency }?.minorUnits ?? 0
        guard total > 0 else { return 0 }
        return Int(risk.multipliedFullWidth(by: 10_000).low / UInt64(total))
    }
}

extension Replica {
    /// The portfolio on `asOf`, optionally for one branch or officer.
    public func portfolioSummary(asOf: CivilDate, branchID: String? = nil, officerID: String? = nil) throws -> PortfolioSummary {
        try read { db in
            let scope = "(?1 IS NULL OR l.branch_id = ?1) AND (?2 IS NULL OR l.officer_id = ?2)"
            let lines = try db.fetchAll(sql: """
                SELECT l.status, l.currency, count(*) AS n, sum(l.principal) AS principal, sum(l.balance) AS balance
                FROM loans l WHERE \(scope) GROUP BY l.status, l.currency ORDER BY l.status, l.currency
                """, arguments: [branchID, officerID]).compactMap { row -> PortfolioSummary.Line? in
                    guard let status = LoanStatus(rawValue: try row["status"]),
                          let currency = Currency(code: try row["currency"]) else { return nil }
                    return PortfolioSummary.Line(
                        status: status, count: try row["n"],
                        principal: Money(minorUnits: try row["principal"], currency: currency),
                        balance: Money(minorUnits: try row["balance"], currency: currency))
                }
            let outstanding = lines.filter { $0.status == .active }.map(\.balance)
            let cutoff = asOf.adding(days: -30).description
            let risk = try db.fetchAll(sql: """
                SELECT l.currency, sum(l.balance) AS balance FROM loans l
                WHERE l.status = 'active' AND l.oldest_unpaid_due < ?3 AND \(scope)
                GROUP BY l.currency ORDER BY l.currency
                """, arguments: [branchID, officerID, cutoff]).compactMap { row -> Money? in
                    guard let currency = Currency(code: try row["currency"]) else { return nil }
                    return Money(minorUnits: try row["balance"], currency: currency)
                }
            return PortfolioSummary(lines: lines, outstanding: outstanding, atRisk30: risk)
        }
    }
}
