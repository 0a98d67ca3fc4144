/// A KYC decision: `POST /v1/clients/{id}/kyc/verify` or `/kyc/reject` (contract § Clients).
/// Both need `kyc.status` `pending`, else `409 invalid_state`.
public enum KYCAction: String, CaseIterable, Hashable, Sendable {
    case verify
    case reject

    /// The KYC status this action leads to from `status`, or `invalid_state`.
    public func target(from status: KYCStatus) throws(ModelError) -> KYCStatus {
        guard status == .pending else {
            throw ModelError(.invalidState, "cannot \(rawValue) KYC that is \(status.rawValue)")
        }
        return self == .verify ? .verified : .rejected
    }
}

extension KYC {
    /// What `kyc/verify` needs: `id_type` and `id_number` (contract § Clients). Checked after
    /// the state (contract § Precise answers, order of checks), answered as `400` naming each.
    public func verificationErrors() -> ValidationErrors {
        var v = ValidationErrors()
        if idType == nil { v.append(FieldError(field: "kyc.id_type", message: "is required to verify", code: .required)) }
        if idNumber?.isEmpty ?? true {
            v.append(FieldError(field: "kyc.id_number", message: "is required to verify", code: .required))
        }
        return v
    }
}

extension Client {
    /// The client after `kyc/verify`: state first (`invalid_state`), then the identity fields
    /// (`invalid_argument` naming the first missing one; `KYC.verificationErrors()` lists all).
    public func verifyingKYC(at now: Timestamp) throws(ModelError) -> Client {
        var c = self
        c.kyc.status = try KYCAction.verify.target(from: kyc.status)
        if let missing = kyc.verificationErrors().errors.first {
            throw ModelError(.invalidArgument, missing.message, field: missing.field)
        }
        c.kyc.verifiedAt = now
        c.kyc.rejectionReason = nil
        return c
    }

    /// The client after `kyc/reject {reason}`.
    public func rejectingKYC(reason: String) throws(ModelError) -> Client {
        var c = self
        c.kyc.status = try KYCAction.reject.target(from: kyc.status)
        c.kyc.rejectionReason = reason
        c.kyc.verifiedAt = nil
        return c
    }
}
