import APIClient
import FincoreModel
import XCTest

/// Small `make…` fixtures built through the API itself, so that every object a test uses went
/// through the same client and server as the call under test.
extension SandboxFixture {
    /// KYC details that `kyc/verify` accepts.
    static let kycDetails = KYCPatch(idType: .value(.nationalID), idNumber: .value("12345678"))

    /// A new client in `branch` with KYC details; `verified` also runs `kyc/verify`.
    func makeBorrower(
        _ lastName: String = "Otieno", branch: String = "br_1", externalID: String? = nil, verified: Bool = false
    ) async throws -> Client {
        let new = NewClient(firstName: "Amina", lastName: lastName, phone: "+254712345678", branchID: branch,
                            officerID: "of_1", kyc: Self.kycDetails, externalID: externalID)
        let created = try await api.createClient(new).value
        guard verified else { return created }
        return try await api.verifyKYC(created.id).value
    }

    /// A pending application of `principal` KES at 12% a year over 12 months.
    func makeApplication(for client: Client, principal: Int64 = 1_200_000) async throws -> Loan {
        try await api.createLoan(NewLoan(clientID: client.id, principal: principal, currency: .kes,
                                         interestRateBps: 1200, termMonths: 12)).value
    }

    /// An active (approved and disbursed in cash) loan of `principal` KES for a new verified client.
    func makeActiveLoan(principal: Int64 = 1_200_000, borrower: Client? = nil) async throws -> Loan {
        let client: Client
        if let borrower { client = borrower } else { client = try await makeBorrower(verified: true) }
        let loan = try await makeApplication(for: client, principal: principal)
        _ = try await api.approveLoan(loan.id)
        return try await api.disburseLoan(loan.id, method: .cash).value
    }
}
