import FincoreModel

/// Reports, an optional feature (contract § Reports): every call counts against the 10/min bucket.
extension APIClient {
    /// `POST /v1/reports` `{type, params}` → 202 `{id, status: "pending"}`; `.unavailable` if the
    /// server has no reports.
    public func createReport(_ report: NewReport, options: WriteOptions = WriteOptions(priority: .background))
        async throws(APIError) -> FeatureResult<APIResponse<Report>> {
        try await optionalFeature(.reports, routeMayBeMissing: true) { () async throws(APIError) in
            try await self.write(.post, "reports", body: report, options: options)
        }
    }

    /// `GET /v1/reports/{id}`: `pending`, `completed` (with `result`) or `failed`.
    public func report(_ id: ReportID, priority: RequestPriority = .background) async throws(APIError)
        -> FeatureResult<APIResponse<Report>> {
        try await optionalFeature(.reports, routeMayBeMissing: false) { () async throws(APIError) in
            try await self.get(Self.path("reports", id.rawValue), priority: priority)
        }
    }

    /// `GET /v1/reports/{id}/download`: the export's NDJSON lines, read as they arrive.
    public func downloadReport(_ id: ReportID, priority: RequestPriority = .background) async throws(APIError)
        -> FeatureResult<NDJSONLines> {
        try await optionalFeature(.reports, routeMayBeMissing: false) { () async throws(APIError) in
            try await self.streamLines(APIRequest(.get, Self.path("reports", id.rawValue, "download"),
                                                  priority: priority))
        }
    }

    /// Runs `call` unless the server already said it lacks `feature`; a 405 (or a 404 where
    /// the route itself may be missing, i.e. not an object's path) marks the feature missing
    /// for the session and answers `.unavailable`, not an error.
    func optionalFeature<T: Sendable>(
        _ feature: FeatureAvailability.Feature, routeMayBeMissing: Bool,
        _ call: () async throws(APIError) -> T
    ) async throws(APIError) -> FeatureResult<T> {
        guard await features.isAvailable(feature) else { return .unavailable }
        do {
            return .available(try await call())
        } catch {
            if error.status == 405 || (routeMayBeMissing && error.status == 404) {
                await features.markUnavailable(feature)
                return .unavailable
            }
            throw error
        }
    }
}
