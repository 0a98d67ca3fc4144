/// Something done to a loan, and the loan state machine as one table (contract § Loans,
/// "States and actions": "anything else: `409 invalid_state`").
///
/// `repay` keeps an `active` loan `active`; reaching balance 0 then closes it, and a reversal
/// reopens a closed loan: those two follow the balance, see `LoanStatus.settled(balance:)`.
/// `edit` is `PATCH /v1/loans/{id}`, allowed only while `pending`.
public enum LoanAction: String, CaseIterable, Hashable, Sendable {
    case approve
    case reject
    case withdraw
    case disburse
    case writeOff = "write_off"
    case repay
    case edit

    /// The allowed moves: (action, from, to). Every pair not listed is refused.
    public static let transitions: [(action: LoanAction, from: LoanStatus, to: LoanStatus)] = [
        (.approve, .pending, .approved),
        (.reject, .pending, .rejected),
        (.withdraw, .pending, .withdrawn),
        (.withdraw, .approved, .withdrawn),
        (.disburse, .approved, .active),
        (.writeOff, .active, .writtenOff),
        (.repay, .active, .active),
        (.edit, .pending, .pending),
    ]

    /// The status this action leads to from `status`, or nil if it is not allowed there.
    public func allowedTarget(from status: LoanStatus) -> LoanStatus? {
        LoanAction.transitions.first { $0.action == self && $0.from == status }?.to
    }

    /// Whether this action is allowed on a loan in `status`.
    public func isAllowed(from status: LoanStatus) -> Bool { allowedTarget(from: status) != nil }

    /// The status this action leads to from `status`, or `invalid_state`.
    public func target(from status: LoanStatus) throws(ModelError) -> LoanStatus {
        guard let next = allowedTarget(from: status) else {
            throw ModelError(.invalidState, "cannot \(verb) a loan that is \(status.rawValue)")
        }
        return next
    }

    /// The action in plain words, for messages.
    public var verb: String {
        switch self {
        case .writeOff: return "write off"
        case .edit: return "edit"
        default: return rawValue
        }
    }
}

extension LoanStatus {
    /// The status after the balance became `balance`: an `active` loan at 0 is `closed`; a
    /// `closed` loan with a positive balance (after a reversal) is `active` again
    /// (contract § Loans and § Precise answers). Other statuses do not follow the balance.
    public func settled(balance: Int64) -> LoanStatus {
        switch self {
        case .active where balance == 0: return .closed
        case .closed where balance > 0: return .active
        default: return self
        }
    }
}
