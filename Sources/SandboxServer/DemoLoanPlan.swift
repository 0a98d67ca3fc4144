import FincoreModel

/// What a demo loan's history will be: the state it ends in, and for disbursed loans how the
/// borrower repaid. The weights give every state of the contract's loan machine, with most
/// money out on active loans, some in arrears (overdue lists and portfolio at risk have content).
enum DemoLoanPlan: Sendable {
    case pending
    case approved
    case rejected
    case withdrawn
    /// Active, every instalment due so far paid.
    case onTrack
    /// Active, payments stopped or partial: in arrears.
    case inArrears
    /// Repaid in full (on schedule or with an early payoff): closed.
    case repaid
    /// Payments stopped, written off months after the first missed instalment.
    case writtenOff

    /// Plans by the client's KYC: approval needs KYC `verified` (contract § Loans), so other
    /// clients' loans stay applications, rejections or withdrawals.
    static func weights(kyc: KYCStatus) -> [(DemoLoanPlan, Int)] {
        switch kyc {
        case .verified:
            return [(.pending, 4), (.approved, 3), (.rejected, 4), (.withdrawn, 3),
                    (.onTrack, 34), (.inArrears, 14), (.repaid, 30), (.writtenOff, 8)]
        case .pending:
            return [(.pending, 60), (.withdrawn, 25), (.rejected, 15)]
        case .rejected:
            return [(.rejected, 70), (.withdrawn, 30)]
        }
    }

    /// How often a demo client ends in each KYC state.
    static let kycWeights: [(KYCStatus, Int)] = [(.verified, 78), (.pending, 14), (.rejected, 8)]

    var isDisbursed: Bool {
        switch self {
        case .onTrack, .inArrears, .repaid, .writtenOff: return true
        case .pending, .approved, .rejected, .withdrawn: return false
        }
    }

    /// How many days ago a loan of this plan may have been disbursed, for a term of `term` months.
    func disbursementWindow(term: Int) -> ClosedRange<Int> {
        switch self {
        case .onTrack: return 2...max(2, min(540, term * 30 - 5))
        case .inArrears: return 40...min(540, term * 30 + 120)
        case .repaid: return 35...540
        case .writtenOff: return 220...540
        case .pending, .approved, .rejected, .withdrawn: return 0...0
        }
    }
}

