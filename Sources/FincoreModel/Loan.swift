/// A loan, from application to closing, as `/v1/loans` returns it (contract § Loans).
///
/// Amounts (`principal`, `balance`, the schedule) are minor units of `currency`; the `Money`
/// accessors pair them. `branchID`/`officerID` are the client's, copied by the server.
public struct Loan: Hashable, Sendable {
    public static let objectType = ObjectType.loan
    /// The product when an application names none (contract: `product` defaults to `"standard"`).
    public static let defaultProduct = "standard"

    public var id: LoanID
    public var externalID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var version: Int
    public var clientID: ClientID
    public var product: String
    public var principal: Int64
    public var currency: Currency
    /// Annual flat rate in basis points, 0–10000.
    public var interestRateBps: Int
    public var termMonths: Int
    public var branchID: String?
    public var officerID: String?
    public var status: LoanStatus
    public var approvedAt: Timestamp?
    public var disbursedAt: Timestamp?
    public var closedAt: Timestamp?
    /// Outstanding minor units; 0 before disbursement.
    public var balance: Int64
    /// Empty before disbursement.
    public var schedule: [Instalment]

    public init(
        id: LoanID, externalID: String? = nil, createdAt: Timestamp, updatedAt: Timestamp,
        version: Int = 1, clientID: ClientID, product: String = Loan.defaultProduct,
        principal: Int64, currency: Currency, interestRateBps: Int, termMonths: Int,
        branchID: String? = nil, officerID: String? = nil, status: LoanStatus = .pending,
        approvedAt: Timestamp? = nil, disbursedAt: Timestamp? = nil, closedAt: Timestamp? = nil,
        balance: Int64 = 0, schedule: [Instalment] = []
    ) {
        self.id = id
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.clientID = clientID
        self.product = product
        self.principal = principal
        self.currency = currency
        self.interestRateBps = interestRateBps
        self.termMonths = termMonths
        self.branchID = branchID
        self.officerID = officerID
        self.status = status
        self.approvedAt = approvedAt
        self.disbursedAt = disbursedAt
        self.closedAt = closedAt
        self.balance = balance
        self.schedule = schedule
    }

    /// `principal` as money.
    public var principalMoney: Money { Money(minorUnits: principal, currency: currency) }

    /// `balance` as money.
    public var balanceMoney: Money { Money(minorUnits: balance, currency: currency) }
}
