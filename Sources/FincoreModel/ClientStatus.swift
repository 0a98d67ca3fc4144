/// A client's `status` (contract § Clients; default `active`).
public enum ClientStatus: String, ClosedVocabulary {
    case active
    case inactive
}
