/// A client's `kyc.status` (contract § Clients); read-only, moved by the KYC actions.
public enum KYCStatus: String, ClosedVocabulary {
    case pending
    case verified
    case rejected
}
