import FincoreModel

/// Payments, disbursements and payment links (contract § Payments).
extension APIClient {
    /// `GET /v1/payments`: one page.
    public func listPayments(_ query: ListQuery = ListQuery(), filter: PaymentFilter = PaymentFilter(),
                             priority: RequestPriority = .normal) async throws(APIError)
        -> APIResponse<ListPage<Listed<Payment>>> {
        try await list("payments", query: query, filters: filter.parameters, priority: priority)
    }

    /// `GET /v1/payments`: every page from `query.offset` on.
    public func paymentPages(_ query: ListQuery = ListQuery(), filter: PaymentFilter = PaymentFilter(),
                             priority: RequestPriority = .background) -> ListPages<Payment> {
        pages("payments", query: query, filters: filter.parameters, priority: priority)
    }

    /// `GET /v1/disbursements`: payments of type `disbursement`.
    public func listDisbursements(_ query: ListQuery = ListQuery(), filter: PaymentFilter = PaymentFilter(),
                                  priority: RequestPriority = .normal) async throws(APIError)
        -> APIResponse<ListPage<Listed<Payment>>> {
        var filter = filter
        filter.type = nil  // the path fixes it
        return try await list("disbursements", query: query, filters: filter.parameters, priority: priority)
    }

    /// `GET /v1/payments/{id}`, with its version.
    public func payment(_ id: PaymentID) async throws(APIError) -> APIResponse<Payment> {
        try await get(Self.path("payments", id.rawValue))
    }

    /// `POST /v1/payments` `{loan_id, amount, method, reference?}` → 201, as a repayment. Money first.
    public func createPayment(_ payment: NewPayment, options: WriteOptions = WriteOptions(priority: .money))
        async throws(APIError) -> APIResponse<Payment> {
        try await write(.post, "payments", body: payment, options: options)
    }

    /// `POST /v1/payments/{id}/reverse` `{reason}`: `succeeded` → `reversed`, balance restored.
    public func reversePayment(_ id: PaymentID, reason: String, options: WriteOptions = WriteOptions(priority: .money))
        async throws(APIError) -> APIResponse<Payment> {
        try await write(.post, Self.path("payments", id.rawValue, "reverse"), body: ReasonBody(reason: reason),
                        options: options)
    }

    /// `POST /v1/payment_links` `{loan_id, amount, external_id?}` → 201, `active`.
    public func createPaymentLink(_ link: NewPaymentLink, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<PaymentLink> {
        try await write(.post, "payment_links", body: link, options: options)
    }

    /// `GET /v1/payment_links`: one page.
    public func listPaymentLinks(_ query: ListQuery = ListQuery(), priority: RequestPriority = .normal)
        async throws(APIError) -> APIResponse<ListPage<Listed<PaymentLink>>> {
        try await list("payment_links", query: query, filters: [], priority: priority)
    }

    /// `GET /v1/payment_links`: every page from `query.offset` on.
    public func paymentLinkPages(_ query: ListQuery = ListQuery(), priority: RequestPriority = .background)
        -> ListPages<PaymentLink> {
        pages("payment_links", query: query, filters: [], priority: priority)
    }

    /// `GET /v1/payment_links/{id}`.
    public func paymentLink(_ id: PaymentLinkID) async throws(APIError) -> APIResponse<PaymentLink> {
        try await get(Self.path("payment_links", id.rawValue))
    }

    /// `POST /v1/payment_links/{id}/cancel`.
    public func cancelPaymentLink(_ id: PaymentLinkID, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<PaymentLink> {
        try await write(.post, Self.path("payment_links", id.rawValue, "cancel"), body: nil, options: options)
    }
}
