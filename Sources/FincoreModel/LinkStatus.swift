/// A payment link's `status` (contract § Payments): created `active`, then `paid`, `expired` or `canceled`.
public enum LinkStatus: String, ClosedVocabulary {
    case active
    case paid
    case expired
    case canceled

    /// The statuses this one may move to; only an active link changes.
    public var successors: Set<LinkStatus> {
        self == .active ? [.paid, .expired, .canceled] : []
    }

    /// Whether a link in this status may move to `next` (`cancel` of a paid link is `409 invalid_state`).
    public func canMove(to next: LinkStatus) -> Bool { successors.contains(next) }
}
