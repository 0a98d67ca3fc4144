/// The two rate-limit buckets of the contract ("Rate limits in detail"): reports count apart.
public enum RateLimitBucket: String, Sendable, CaseIterable {
    /// Every endpoint but reports: 100 requests a window.
    case most
    /// Every `/v1/reports` request: 10 requests a window.
    case reports

    /// Requests allowed in one window.
    public var limit: Int {
        switch self {
        case .most: return 100
        case .reports: return 10
        }
    }

    /// The bucket a request path counts against.
    public static func forPath(_ path: String) -> RateLimitBucket {
        path == "/v1/reports" || path.hasPrefix("/v1/reports/") ? .reports : .most
    }
}
