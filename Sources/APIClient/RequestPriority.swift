/// How urgent a request is when several wait for the same rate-limit bucket.
///
/// Money first: a repayment collected in the field must reach the server before the agent
/// spends its budget pulling pages it could pull a minute later.
public enum RequestPriority: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Bulk reads that can wait: incremental pulls, exports.
    case background = 0
    /// Ordinary interactive reads and writes.
    case normal = 1
    /// Pushing repayments, payments and other money movements from the outbox.
    case money = 2

    public static func < (lhs: RequestPriority, rhs: RequestPriority) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
