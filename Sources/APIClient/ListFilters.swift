import FincoreModel

/// The filters of `GET /v1/clients` (contract § Incremental listing).
public struct ClientFilter: Sendable, Hashable {
    public var branchID: String?
    public var officerID: String?
    public var status: ClientStatus?

    public init(branchID: String? = nil, officerID: String? = nil, status: ClientStatus? = nil) {
        self.branchID = branchID
        self.officerID = officerID
        self.status = status
    }

    public var parameters: [APIRequest.Parameter] {
        [("branch_id", branchID), ("officer_id", officerID), ("status", status?.rawValue)].parameters
    }
}

/// The filters of `GET /v1/loans`.
public struct LoanFilter: Sendable, Hashable {
    public var clientID: ClientID?
    public var status: LoanStatus?
    public var branchID: String?
    public var officerID: String?

    public init(clientID: ClientID? = nil, status: LoanStatus? = nil, branchID: String? = nil, officerID: String? = nil) {
        self.clientID = clientID
        self.status = status
        self.branchID = branchID
        self.officerID = officerID
    }

    public var parameters: [APIRequest.Parameter] {
        [("client_id", clientID?.rawValue), ("status", status?.rawValue), ("branch_id", branchID),
         ("officer_id", officerID)].parameters
    }
}

/// The filters of `GET /v1/payments` (and `/v1/disbursements`, which fixes `type`).
public struct PaymentFilter: Sendable, Hashable {
    public var loanID: LoanID?
    public var clientID: ClientID?
    public var status: PaymentStatus?
    public var type: PaymentType?
    public var branchID: String?
    public var officerID: String?

    public init(
        loanID: LoanID? = nil, clientID: ClientID? = nil, status: PaymentStatus? = nil, type: PaymentType? = nil,
        branchID: String? = nil, officerID: String? = nil
    ) {
        self.loanID = loanID
        self.clientID = clientID
        self.status = status
        self.type = type
        self.branchID = branchID
        self.officerID = officerID
    }

    public var parameters: [APIRequest.Parameter] {
        [("loan_id", loanID?.rawValue), ("client_id", clientID?.rawValue), ("status", status?.rawValue),
         ("type", type?.rawValue), ("branch_id", branchID), ("officer_id", officerID)].parameters
    }
}

extension Array where Element == (String, String?) {
    /// The pairs whose value is set, as query parameters in this order.
    var parameters: [APIRequest.Parameter] {
        compactMap { name, value in value.map { APIRequest.Parameter(name, $0) } }
    }
}
