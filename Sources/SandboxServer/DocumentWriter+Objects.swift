import FincoreModel

/// The synced types as `doc` JSON. Keys are in the byte order `JSONEncoder`'s `.sortedKeys`
/// gives (`_` sorts before letters), every optional written as `null` when unset
/// (contract § Precise answers), exactly as each type's `encode(to:)` does.
extension DocumentWriter {
    mutating func write(_ client: Client) {
        beginObject()
        key("address"); string(client.address)
        key("branch_id"); string(client.branchID)
        key("created_at"); timestamp(client.createdAt)
        key("date_of_birth"); date(client.dateOfBirth)
        key("email"); string(client.email)
        key("external_id"); string(client.externalID)
        key("first_name"); string(client.firstName)
        key("id"); string(client.id.rawValue)
        key("kyc"); write(client.kyc)
        key("last_name"); string(client.lastName)
        key("object"); string(ObjectType.client.rawValue)
        key("officer_id"); string(client.officerID)
        key("phone"); string(client.phone)
        key("status"); string(client.status.rawValue)
        key("updated_at"); timestamp(client.updatedAt)
        key("version"); integer(client.version)
        endObject()
    }

    mutating func write(_ kyc: KYC) {
        beginObject()
        key("id_number"); string(kyc.idNumber)
        key("id_type"); string(kyc.idType?.rawValue)
        key("rejection_reason"); string(kyc.rejectionReason)
        key("status"); string(kyc.status.rawValue)
        key("verified_at"); timestamp(kyc.verifiedAt)
        endObject()
    }

    mutating func write(_ loan: Loan) {
        beginObject()
        key("approved_at"); timestamp(loan.approvedAt)
        key("balance"); integer(loan.balance)
        key("branch_id"); string(loan.branchID)
        key("client_id"); string(loan.clientID.rawValue)
        key("closed_at"); timestamp(loan.closedAt)
        key("created_at"); timestamp(loan.createdAt)
        key("currency"); string(loan.currency.code)
        key("disbursed_at"); timestamp(loan.disbursedAt)
        key("external_id"); string(loan.externalID)
        key("id"); string(loan.id.rawValue)
        key("interest_rate_bps"); integer(loan.interestRateBps)
        key("object"); string(ObjectType.loan.rawValue)
        key("officer_id"); string(loan.officerID)
        key("principal"); integer(loan.principal)
        key("product"); string(loan.product)
        key("schedule")
        beginArray()
        for instalment in loan.schedule {
            beginObject()
            key("due_date"); date(instalment.dueDate)
            key("interest_due"); integer(instalment.interestDue)
            key("paid"); integer(instalment.paid)
            key("principal_due"); integer(instalment.principalDue)
            endObject()
        }
        endArray()
        key("status"); string(loan.status.rawValue)
        key("term_months"); integer(loan.termMonths)
        key("updated_at"); timestamp(loan.updatedAt)
        key("version"); integer(loan.version)
        endObject()
    }

    mutating func write(_ payment: Payment) {
        beginObject()
        key("amount"); integer(payment.amount)
        key("branch_id"); string(payment.branchID)
        key("client_id"); string(payment.clientID.rawValue)
        key("created_at"); timestamp(payment.createdAt)
        key("currency"); string(payment.currency.code)
        key("external_id"); string(payment.externalID)
        key("failure_reason"); string(payment.failureReason)
        key("id"); string(payment.id.rawValue)
        key("loan_id"); string(payment.loanID.rawValue)
        key("method"); string(payment.method.rawValue)
        key("object"); string(ObjectType.payment.rawValue)
        key("officer_id"); string(payment.officerID)
        key("reference"); string(payment.reference)
        key("status"); string(payment.status.rawValue)
        key("type"); string(payment.type.rawValue)
        key("updated_at"); timestamp(payment.updatedAt)
        key("version"); integer(payment.version)
        endObject()
    }

    mutating func write(_ link: PaymentLink) {
        beginObject()
        key("amount"); integer(link.amount)
        key("branch_id"); string(link.branchID)
        key("client_id"); string(link.clientID.rawValue)
        key("created_at"); timestamp(link.createdAt)
        key("currency"); string(link.currency.code)
        key("expires_at"); timestamp(link.expiresAt)
        key("external_id"); string(link.externalID)
        key("id"); string(link.id.rawValue)
        key("loan_id"); string(link.loanID.rawValue)
        key("object"); string(ObjectType.paymentLink.rawValue)
        key("officer_id"); string(link.officerID)
        key("paid_at"); timestamp(link.paidAt)
        key("status"); string(link.status.rawValue)
        key("updated_at"); timestamp(link.updatedAt)
        key("url"); string(link.url)
        key("version"); integer(link.version)
        endObject()
    }
}
