/// A payment's status changes as pure functions (contract § Payments).
extension Payment {
    /// The payment after settling: `pending` → `succeeded`, or `failed` with a reason.
    public func settled(succeeded: Bool, failureReason: String? = nil) throws(ModelError) -> Payment {
        try moved(to: succeeded ? .succeeded : .failed, failureReason: succeeded ? nil : failureReason)
    }

    /// The payment after `POST /v1/payments/{id}/reverse`: `succeeded` → `reversed`.
    /// (The caller restores the loan with `Loan.applyingReversal`.)
    public func reversed() throws(ModelError) -> Payment {
        guard type == .repayment else {
            throw ModelError(.invalidState, "cannot reverse a disbursement")
        }
        return try moved(to: .reversed, failureReason: failureReason)
    }

    private func moved(to next: PaymentStatus, failureReason: String?) throws(ModelError) -> Payment {
        guard status.canMove(to: next) else {
            throw ModelError(.invalidState, "cannot move a payment from \(status.rawValue) to \(next.rawValue)")
        }
        var p = self
        p.status = next
        p.failureReason = failureReason
        return p
    }
}
