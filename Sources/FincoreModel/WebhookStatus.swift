/// A webhook endpoint's `status` (contract § Webhooks; default `enabled`).
public enum WebhookStatus: String, ClosedVocabulary {
    case enabled
    case disabled
}
