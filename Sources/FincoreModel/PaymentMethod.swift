/// How money moves: a payment's `method` (contract § Payments). Only `cash` succeeds at once.
public enum PaymentMethod: String, ClosedVocabulary {
    case cash
    case mobileMoney = "mobile_money"
    case bankTransfer = "bank_transfer"
    case card
}
