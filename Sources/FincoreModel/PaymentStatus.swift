/// A payment's `status` (contract § Payments): `pending` → `succeeded` | `failed`, `succeeded` → `reversed`.
public enum PaymentStatus: String, ClosedVocabulary {
    case pending
    case succeeded
    case failed
    case reversed

    /// The statuses this one may move to; every other move is `409 invalid_state`.
    public var successors: Set<PaymentStatus> {
        switch self {
        case .pending: return [.succeeded, .failed]
        case .succeeded: return [.reversed]
        case .failed, .reversed: return []
        }
    }

    /// Whether a payment in this status may move to `next`.
    public func canMove(to next: PaymentStatus) -> Bool { successors.contains(next) }

    /// The status a new payment starts in: `cash` succeeds at once, other methods settle later;
    /// a disbursement "succeeds at once whatever its method" (contract § Precise answers).
    public static func initial(for type: PaymentType, method: PaymentMethod) -> PaymentStatus {
        type == .disbursement || method == .cash ? .succeeded : .pending
    }
}
