/// The faults chosen for one request: what happens before it runs and after it commits.
public struct FaultPlan: Sendable, Equatable {
    /// Instead of executing the request.
    public enum Before: String, Sendable, Equatable {
        case dropConnection = "drop_before_commit"
        case unavailable = "error_503"
        case internalError = "error_500"
        case rateLimitStorm = "storm_429"
    }

    /// After the request executed and committed.
    public enum After: String, Sendable, Equatable {
        case dropConnection = "drop_after_commit"
        case truncateBody = "truncate_body"
    }

    public var latencyMilliseconds: Int = 0
    public var before: Before?
    public var after: After?

    public init(latencyMilliseconds: Int = 0, before: Before? = nil, after: After? = nil) {
        self.latencyMilliseconds = latencyMilliseconds
        self.before = before
        self.after = after
    }

    /// No fault at all.
    public static let none = FaultPlan()
}
