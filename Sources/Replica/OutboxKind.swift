import FincoreModel

/// What a user did, as the outbox records it: one case per kind of request the agent pushes.
///
/// The request each kind becomes is a table (STYLE habit 7): the method, the path with `{id}`
/// for the object addressed, and whether it creates an object (then it has no If-Match and its
/// acknowledgement replaces a local id). Paths follow the contract's sections on each type.
public enum OutboxKind: String, CaseIterable, Hashable, Sendable {
    case createClient = "create_client"
    case editClient = "edit_client"
    case verifyKYC = "verify_kyc"
    case rejectKYC = "reject_kyc"
    case applyForLoan = "apply_for_loan"
    case editLoan = "edit_loan"
    case approveLoan = "approve_loan"
    case rejectLoan = "reject_loan"
    case withdrawLoan = "withdraw_loan"
    case disburseLoan = "disburse_loan"
    case writeOffLoan = "write_off_loan"
    case repay
    case reversePayment = "reverse_payment"
    case createPaymentLink = "create_payment_link"
    case cancelPaymentLink = "cancel_payment_link"

    /// One row of the request table.
    public struct Request: Sendable {
        public let kind: OutboxKind
        /// The type of the object the entry creates or changes.
        public let objectType: ObjectType
        public let method: String
        /// The path under the base URL; `{id}` is the object addressed (the loan for `repay`).
        public let path: String
        public let creates: Bool
    }

    public static let requests: [Request] = [
        Request(kind: .createClient, objectType: .client, method: "POST", path: "/v1/clients", creates: true),
        Request(kind: .editClient, objectType: .client, method: "PATCH", path: "/v1/clients/{id}", creates: false),
        Request(kind: .verifyKYC, objectType: .client, method: "POST", path: "/v1/clients/{id}/kyc/verify", creates: false),
        Request(kind: .rejectKYC, objectType: .client, method: "POST", path: "/v1/clients/{id}/kyc/reject", creates: false),
        Request(kind: .applyForLoan, objectType: .loan, method: "POST", path: "/v1/loans", creates: true),
        Request(kind: .editLoan, objectType: .loan, method: "PATCH", path: "/v1/loans/{id}", creates: false),
        Request(kind: .approveLoan, objectType: .loan, method: "POST", path: "/v1/loans/{id}/approve", creates: false),
        Request(kind: .rejectLoan, objectType: .loan, method: "POST", path: "/v1/loans/{id}/reject", creates: false),
        Request(kind: .withdrawLoan, objectType: .loan, method: "POST", path: "/v1/loans/{id}/withdraw", creates: false),
        Request(kind: .disburseLoan, objectType: .loan, method: "POST", path: "/v1/loans/{id}/disburse", creates: false),
        Request(kind: .writeOffLoan, objectType: .loan, method: "POST", path: "/v1/loans/{id}/write_off", creates: false),
        Request(kind: .repay, objectType: .payment, method: "POST", path: "/v1/loans/{id}/repayments", creates: true),
        Request(kind: .reversePayment, objectType: .payment, method: "POST", path: "/v1/payments/{id}/reverse", creates: false),
        Request(kind: .createPaymentLink, objectType: .paymentLink, method: "POST", path: "/v1/payment_links", creates: true),
        Request(kind: .cancelPaymentLink, objectType: .paymentLink, method: "POST", path: "/v1/payment_links/{id}/cancel", creates: false),
    ]

    /// This kind's row of `requests`.
    public var request: Request {
        // Every case has a row (OutboxKindTests checks it); the fallback only keeps this total.
        Self.requests.first { $0.kind == self }
            ?? Request(kind: self, objectType: .client, method: "POST", path: "/", creates: false)
    }

    /// The loan action behind a loan-state kind, for the model's state machine.
    var loanAction: LoanAction? {
        switch self {
        case .editLoan: return .edit
        case .approveLoan: return .approve
        case .rejectLoan: return .reject
        case .withdrawLoan: return .withdraw
        case .disburseLoan: return .disburse
        case .writeOffLoan: return .writeOff
        case .repay: return .repay
        default: return nil
        }
    }
}
