/// What an `export` report dumps: `params.resource` (contract § Reports).
public enum ExportResource: String, ClosedVocabulary {
    case clients
    case loans
    case payments
}
