/// A loan's `status` (contract § Loans, "States and actions"); moved only by `LoanAction`.
public enum LoanStatus: String, ClosedVocabulary {
    case pending
    case approved
    case rejected
    case withdrawn
    case active
    case closed
    case writtenOff = "written_off"

    /// Whether no action can ever move the loan again (a closed loan can still be reopened
    /// by a reversal, so it is not final).
    public var isFinal: Bool { self == .rejected || self == .withdrawn || self == .writtenOff }
}
