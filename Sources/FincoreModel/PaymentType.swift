/// A payment's `type` (contract § Payments).
public enum PaymentType: String, ClosedVocabulary {
    case repayment
    case disbursement
}
