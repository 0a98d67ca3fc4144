import FincoreModel

/// Loans, their actions and repayments (contract § Loans).
extension APIClient {
    /// `GET /v1/loans`: one page.
    public func listLoans(_ query: ListQuery = ListQuery(), filter: LoanFilter = LoanFilter(),
                          priority: RequestPriority = .normal) async throws(APIError) -> APIResponse<ListPage<Listed<Loan>>> {
        try await list("loans", query: query, filters: filter.parameters, priority: priority)
    }

    /// `GET /v1/loans`: every page from `query.offset` on.
    public func loanPages(_ query: ListQuery = ListQuery(), filter: LoanFilter = LoanFilter(),
                          priority: RequestPriority = .background) -> ListPages<Loan> {
        pages("loans", query: query, filters: filter.parameters, priority: priority)
    }

    /// `POST /v1/loans` → 201, an application in status `pending`.
    public func createLoan(_ loan: NewLoan, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Loan> {
        try await write(.post, "loans", body: loan, options: options)
    }

    /// `GET /v1/loans/{id}`, with its version.
    public func loan(_ id: LoanID) async throws(APIError) -> APIResponse<Loan> {
        try await get(Self.path("loans", id.rawValue))
    }

    /// `PATCH /v1/loans/{id}`: only while `pending`.
    public func updateLoan(_ id: LoanID, _ patch: LoanPatch, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Loan> {
        try await write(.patch, Self.path("loans", id.rawValue), body: patch, options: options)
    }

    /// `POST /v1/loans/{id}/approve`.
    public func approveLoan(_ id: LoanID, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Loan> {
        try await loanAction(.approve, id, body: nil, options: options)
    }

    /// `POST /v1/loans/{id}/reject` `{reason}`.
    public func rejectLoan(_ id: LoanID, reason: String, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Loan> {
        try await loanAction(.reject, id, body: ReasonBody(reason: reason), options: options)
    }

    /// `POST /v1/loans/{id}/withdraw`.
    public func withdrawLoan(_ id: LoanID, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Loan> {
        try await loanAction(.withdraw, id, body: nil, options: options)
    }

    /// `POST /v1/loans/{id}/disburse` `{method}`: the loan with its schedule.
    public func disburseLoan(_ id: LoanID, method: PaymentMethod, options: WriteOptions = WriteOptions(priority: .money))
        async throws(APIError) -> APIResponse<Loan> {
        try await loanAction(.disburse, id, body: DisburseRequest(method: method), options: options)
    }

    /// `POST /v1/loans/{id}/write_off` `{reason}`.
    public func writeOffLoan(_ id: LoanID, reason: String, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Loan> {
        try await loanAction(.writeOff, id, body: ReasonBody(reason: reason), options: options)
    }

    /// `POST /v1/loans/{id}/repayments` → 201 a payment of type `repayment`. Money first.
    public func createRepayment(_ loanID: LoanID, _ repayment: NewRepayment,
                                options: WriteOptions = WriteOptions(priority: .money)) async throws(APIError)
        -> APIResponse<Payment> {
        try await write(.post, Self.path("loans", loanID.rawValue, "repayments"), body: repayment, options: options)
    }

    /// Any state-changing action of a loan (its path segment is the action's raw value).
    func loanAction(_ action: LoanAction, _ id: LoanID, body: (any Encodable & Sendable)?, options: WriteOptions)
        async throws(APIError) -> APIResponse<Loan> {
        try await write(.post, Self.path("loans", id.rawValue, action.rawValue), body: body, options: options)
    }
}
