/// A report's `status` (contract § Reports).
public enum ReportStatus: String, ClosedVocabulary {
    case pending
    case completed
    case failed
}
