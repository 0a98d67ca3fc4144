/// A webhook event's `type` (contract § Webhooks, "Event types").
public enum EventType: String, ClosedVocabulary {
    case clientCreated = "client.created"
    case clientUpdated = "client.updated"
    case clientDeleted = "client.deleted"
    case loanCreated = "loan.created"
    case loanUpdated = "loan.updated"
    case paymentCreated = "payment.created"
    case paymentUpdated = "payment.updated"
    case paymentLinkUpdated = "payment_link.updated"
}
