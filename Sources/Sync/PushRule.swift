import APIClient
import FincoreModel
import Replica

/// How each kind of outbox entry is pushed: its intent for `PushDecider`, the state its action
/// needs on the server's current object, its priority, and whether it moves a loan's balance.
///
/// A table (STYLE habit 7); the states come from the contract's sections on each type.
struct PushRule: Sendable {
    let kind: OutboxKind
    let isEdit: Bool
    /// For actions: the statuses (at `statusPath`) from which the action is still allowed.
    let allowedFrom: Set<String>
    let statusPath: [String]
    /// Repayments, disbursements and reversals go first and at `.money` priority.
    let isMoney: Bool
    /// The entry changes its loan's balance without answering the loan: refresh it after.
    let refreshesLoan: Bool
    /// For actions that carry nothing but the wish (no reason, no method): the status they lead
    /// to. When another agent already took the object there, the wish is fulfilled, not in conflict.
    let reaches: String?

    private init(_ kind: OutboxKind, edit: Bool = false, from: Set<String> = [], path: [String] = ["status"],
                 money: Bool = false, refreshesLoan: Bool = false, reaches: String? = nil) {
        self.kind = kind
        isEdit = edit
        allowedFrom = from
        statusPath = path
        isMoney = money
        self.refreshesLoan = refreshesLoan
        self.reaches = reaches
    }

    static let table: [PushRule] = [
        PushRule(.createClient),
        PushRule(.editClient, edit: true),
        PushRule(.verifyKYC, from: ["pending"], path: ["kyc", "status"], reaches: "verified"),
        PushRule(.rejectKYC, from: ["pending"], path: ["kyc", "status"]),
        PushRule(.applyForLoan),
        PushRule(.editLoan, edit: true),
        PushRule(.approveLoan, from: ["pending"], reaches: "approved"),
        PushRule(.rejectLoan, from: ["pending"]),
        PushRule(.withdrawLoan, from: ["pending", "approved"], reaches: "withdrawn"),
        PushRule(.disburseLoan, from: ["approved"], money: true),
        PushRule(.writeOffLoan, from: ["active"]),
        PushRule(.repay, money: true, refreshesLoan: true),
        PushRule(.reversePayment, from: ["succeeded"], money: true, refreshesLoan: true),
        PushRule(.createPaymentLink),
        PushRule(.cancelPaymentLink, from: ["active"], reaches: "canceled"),
    ]

    /// The rule of `kind` (every kind has one; PushRuleTests checks it).
    static func of(_ kind: OutboxKind) -> PushRule {
        table.first { $0.kind == kind } ?? PushRule(kind)
    }

    var priority: RequestPriority { isMoney ? .money : .normal }

    /// The intent `PushDecider` judges an answer by; `body` is the entry's JSON.
    func intent(body: JSONValue?) -> PushDecider.Intent {
        if kind.request.creates { return .create }
        if isEdit { return .edit(fields: Set(JSONPaths.leaves(of: body).keys)) }
        return .action
    }

    /// Whether the action still makes sense on the server's current object.
    func stillAllowed(_ theirs: JSONValue) -> Bool {
        guard !allowedFrom.isEmpty else { return true }
        return status(of: theirs).map(allowedFrom.contains) ?? false
    }

    /// Whether the server's object is already where this action leads (someone else did it).
    /// Actions with a reason or a method never qualify: theirs may differ from mine.
    func alreadyDone(_ theirs: JSONValue) -> Bool {
        guard let reaches else { return false }
        return status(of: theirs) == reaches
    }

    private func status(of object: JSONValue) -> String? {
        var value: JSONValue? = object
        for key in statusPath { value = value?[key] }
        return value?.stringValue
    }
}
