import FincoreModel

/// Clients and their KYC (contract § Clients).
extension APIClient {
    /// `GET /v1/clients`: one page.
    public func listClients(_ query: ListQuery = ListQuery(), filter: ClientFilter = ClientFilter(),
                            priority: RequestPriority = .normal) async throws(APIError) -> APIResponse<ListPage<Listed<Client>>> {
        try await list("clients", query: query, filters: filter.parameters, priority: priority)
    }

    /// `GET /v1/clients`: every page from `query.offset` on.
    public func clientPages(_ query: ListQuery = ListQuery(), filter: ClientFilter = ClientFilter(),
                            priority: RequestPriority = .background) -> ListPages<Client> {
        pages("clients", query: query, filters: filter.parameters, priority: priority)
    }

    /// `POST /v1/clients` → 201; `409 external_id_taken` carries the existing client in `current`.
    public func createClient(_ client: NewClient, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Client> {
        try await write(.post, "clients", body: client, options: options)
    }

    /// `GET /v1/clients/{id}`, with its version.
    public func client(_ id: ClientID) async throws(APIError) -> APIResponse<Client> {
        try await get(Self.path("clients", id.rawValue))
    }

    /// `PATCH /v1/clients/{id}`: only the keys sent change; `kyc` merges key by key.
    public func updateClient(_ id: ClientID, _ patch: ClientPatch, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Client> {
        try await write(.patch, Self.path("clients", id.rawValue), body: patch, options: options)
    }

    /// `DELETE /v1/clients/{id}` → 204; `409 invalid_state` while the client has loans.
    public func deleteClient(_ id: ClientID, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> ResponseMetadata {
        try await delete(Self.path("clients", id.rawValue), options: options)
    }

    /// `POST /v1/clients/{id}/kyc/verify`: needs `kyc.status` `pending`, `id_type` and `id_number`.
    public func verifyKYC(_ id: ClientID, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Client> {
        try await write(.post, Self.path("clients", id.rawValue, "kyc", KYCAction.verify.rawValue), body: nil,
                        options: options)
    }

    /// `POST /v1/clients/{id}/kyc/reject` `{reason}`.
    public func rejectKYC(_ id: ClientID, reason: String, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Client> {
        try await write(.post, Self.path("clients", id.rawValue, "kyc", KYCAction.reject.rawValue),
                        body: ReasonBody(reason: reason), options: options)
    }
}
