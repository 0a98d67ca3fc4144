/// A report's `type` (contract § Reports).
public enum ReportType: String, ClosedVocabulary {
    case portfolio
    case collections
    case export
}
