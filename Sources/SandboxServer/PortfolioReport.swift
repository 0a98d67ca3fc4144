import FincoreModel

/// The `portfolio` report: loans counted and summed by status, the outstanding balance, and the
/// portfolio at risk over 30 days, per currency (money of different currencies is never added).
///
/// Outstanding is the `balance` of `active` loans. PAR30 is the outstanding of active loans with an
/// instalment still unpaid more than 30 days after its due date (the usual microfinance measure),
/// and its ratio is in basis points of the outstanding, rounded down.
struct PortfolioReport {
    private struct Figures {
        var count: Int64 = 0
        var principal: Int64 = 0
        var balance: Int64 = 0
    }

    private struct Book {
        var byStatus: [LoanStatus: Figures] = [:]
        var outstanding: Int64 = 0
        var atRisk: Int64 = 0
        var atRiskLoans: Int64 = 0
    }

    /// Days past due after which an unpaid instalment puts its loan's balance at risk.
    static let riskDays: Int64 = 30

    let today: CivilDate
    private var books: [String: Book] = [:]
    private var loanCount: Int64 = 0

    init(today: CivilDate) {
        self.today = today
    }

    mutating func add(_ loan: Loan) throws {
        var book = books[loan.currency.code, default: Book()]
        var figures = book.byStatus[loan.status, default: Figures()]
        figures.count += 1
        figures.principal = try Self.sum(figures.principal, loan.principal)
        figures.balance = try Self.sum(figures.balance, loan.balance)
        book.byStatus[loan.status] = figures
        if loan.status == .active {
            book.outstanding = try Self.sum(book.outstanding, loan.balance)
            if loan.schedule.contains(where: { !$0.isPaid && $0.dueDate.days(until: today) > Self.riskDays }) {
                book.atRisk = try Self.sum(book.atRisk, loan.balance)
                book.atRiskLoans += 1
            }
        }
        books[loan.currency.code] = book
        loanCount += 1
    }

    /// `result` members: `loan_count`, and `currencies` sorted by code, each with every status.
    func members() throws -> [String: JSONValue] {
        let currencies = try books.keys.sorted().map { code -> JSONValue in
            let book = books[code] ?? Book()
            var byStatus: [String: JSONValue] = [:]
            for status in LoanStatus.allCases {
                let figures = book.byStatus[status] ?? Figures()
                byStatus[status.rawValue] = .object([
                    "count": .integer(figures.count), "principal": .integer(figures.principal),
                    "balance": .integer(figures.balance),
                ])
            }
            let count = book.byStatus.values.reduce(Int64(0)) { $0 + $1.count }
            return .object([
                "currency": .string(code), "loan_count": .integer(count), "by_status": .object(byStatus),
                "outstanding_balance": .integer(book.outstanding), "par30_balance": .integer(book.atRisk),
                "par30_loans": .integer(book.atRiskLoans),
                "par30_ratio_bps": .integer(try Self.basisPoints(book.atRisk, of: book.outstanding)),
            ])
        }
        return ["loan_count": .integer(loanCount), "currencies": .array(currencies)]
    }

    private static func sum(_ a: Int64, _ b: Int64) throws -> Int64 {
        let (total, overflow) = a.addingReportingOverflow(b)
        if overflow { throw ReportBuilder.Failure.overflow }
        return total
    }

    private static func basisPoints(_ part: Int64, of whole: Int64) throws -> Int64 {
        guard whole > 0 else { return 0 }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 10_000)
        if overflow { throw ReportBuilder.Failure.overflow }
        return scaled / whole
    }
}
