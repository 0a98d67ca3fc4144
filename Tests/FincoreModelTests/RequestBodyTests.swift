import XCTest
@testable import FincoreModel

/// Request bodies: every error at once, read-only refusal, absent vs null, agent encoding.
final class RequestBodyTests: XCTestCase {
    func testNewClientReportsEveryValueErrorAtOnce() {
        let body = """
            {"first_name":"  ","last_name":"\(String(repeating: "x", count: 101))","phone":"0712345678",\
            "email":"a@b","address":"\(String(repeating: "y", count: 501))","external_id":"tab\\there",\
            "kyc":{"id_number":""}}
            """
        XCTAssertEqual(Fixtures.requestErrors(NewClient.self, body).map(\.field),
                       ["first_name", "last_name", "phone", "email", "address", "kyc.id_number", "external_id"])
    }

    func testShapeErrorsTogether() {
        let body = #"{"last_name":5,"status":"gone","date_of_birth":"2026-02-30","kyc":{"id_type":"visa"}}"#
        XCTAssertEqual(Fixtures.requestErrors(NewClient.self, body), [
            FieldError(field: "first_name", message: "is required", code: .required),
            FieldError(field: "last_name", message: "must be a string", code: .invalidType),
            FieldError(field: "date_of_birth", message: "must be a valid date as YYYY-MM-DD"),
            FieldError(field: "status", message: #"unknown value "gone"; expected one of: active, inactive"#),
            FieldError(field: "kyc.id_type",
                       message: #"unknown value "visa"; expected one of: national_id, passport, driver_license"#),
        ])
    }

    func testReadOnlyFieldsRefusedByName() {
        let client = #"{"id":"cl_1","first_name":"A","last_name":"B","version":2,"kyc":{"status":"verified","verified_at":null,"rejection_reason":"x"}}"#
        let errors = Fixtures.requestErrors(NewClient.self, client)
        XCTAssertEqual(errors.map(\.field), ["id", "version", "kyc.status", "kyc.verified_at", "kyc.rejection_reason"])
        XCTAssertTrue(errors.allSatisfy { $0.code == .readOnly && $0.message == "is read-only" })
        let loan = #"{"client_id":"cl_1","principal":1,"currency":"KES","interest_rate_bps":0,"term_months":1,"balance":0,"schedule":[],"status":"active","branch_id":"b"}"#
        XCTAssertEqual(Fixtures.requestErrors(NewLoan.self, loan).map(\.field), ["branch_id", "status", "balance", "schedule"])
        XCTAssertEqual(Fixtures.requestErrors(NewRepayment.self, #"{"amount":1,"method":"cash","status":"succeeded"}"#).map(\.field),
                       ["status"])
        XCTAssertEqual(Fixtures.requestErrors(LoanPatch.self, #"{"currency":"UGX"}"#).map(\.field), ["currency"])
    }

    func testNewLoanRules() throws {
        let ok = #"{"client_id":"cl_1","principal":100000,"currency":"KES","interest_rate_bps":1850,"term_months":7}"#
        let loan = try FincoreJSON.decodeRequest(NewLoan.self, from: Data(ok.utf8))
        XCTAssertEqual(loan.product, "standard")
        let bad = #"{"client_id":"ln_1","principal":0,"currency":"XYZ","interest_rate_bps":10001,"term_months":0,"product":""}"#
        XCTAssertEqual(Fixtures.requestErrors(NewLoan.self, bad).map(\.field), ["client_id"])
        let badValues = #"{"client_id":"cl_1","principal":0,"currency":"XYZ","interest_rate_bps":10001,"term_months":121,"product":""}"#
        XCTAssertEqual(Fixtures.requestErrors(NewLoan.self, badValues).map(\.field),
                       ["product", "principal", "currency", "interest_rate_bps", "term_months"])
        XCTAssertEqual(Fixtures.requestErrors(NewRepayment.self, #"{"amount":4500.5,"method":"cash"}"#),
                       [FieldError(field: "amount", message: "must be an integer in range", code: .invalidType)])
        XCTAssertEqual(Fixtures.requestErrors(NewPayment.self, #"{"amount":0,"method":"cheque"}"#).map(\.field),
                       ["loan_id", "method"])
    }

    func testClientPatchAbsentNullAndMerge() throws {
        let patch = try FincoreJSON.decodeRequest(
            ClientPatch.self, from: Data(#"{"phone":null,"email":"w@example.com","kyc":{"id_number":"A9"}}"#.utf8))
        XCTAssertEqual(patch.phone, .null)
        XCTAssertEqual(patch.email, .value("w@example.com"))
        XCTAssertEqual(patch.address, .absent)
        XCTAssertEqual(patch.kyc, KYCPatch(idNumber: .value("A9")))
        XCTAssertEqual(String(decoding: try FincoreJSON.encode(patch), as: UTF8.self),
                       #"{"email":"w@example.com","kyc":{"id_number":"A9"},"phone":null}"#)

        var client = Fixtures.makeClient()
        client.phone = "+254712345678"
        client.address = "Nairobi"
        client.kyc = KYC(status: .verified, idType: .passport, idNumber: "A1", verifiedAt: Fixtures.t0)
        let after = patch.applied(to: client)
        XCTAssertNil(after.phone)
        XCTAssertEqual(after.address, "Nairobi")
        XCTAssertEqual(after.kyc, KYC(status: .pending, idType: .passport, idNumber: "A9"))
        // The same id number is no change: KYC stays verified.
        XCTAssertEqual(ClientPatch(kyc: KYCPatch(idNumber: .value("A1"))).applied(to: client).kyc, client.kyc)

        XCTAssertEqual(Fixtures.requestErrors(ClientPatch.self, #"{"first_name":null,"status":null,"external_id":"x"}"#).map(\.field),
                       ["external_id", "first_name", "status"])
    }

    func testWebhookEventsNamedByIndex() {
        XCTAssertEqual(Fixtures.requestErrors(NewWebhook.self, #"{"url":"https://h.example/x","events":["loan.updated","loan.eaten","x"]}"#).map(\.field),
                       ["events[1]", "events[2]"])
        XCTAssertEqual(Fixtures.requestErrors(NewWebhook.self, #"{"url":"ftp://h.example","events":[]}"#).map(\.field),
                       ["url", "events"])
        XCTAssertEqual(Fixtures.requestErrors(NewWebhook.self, #"{"url":"https://h.example","events":["client.created"],"secret":"s"}"#).map(\.field),
                       ["secret"])
        XCTAssertEqual(Fixtures.requestErrors(WebhookPatch.self, #"{"status":"paused"}"#).map(\.field), ["status"])
    }

    func testSmallBodies() throws {
        XCTAssertEqual(Fixtures.requestErrors(ReasonBody.self, #"{"reason":"  "}"#).map(\.field), ["reason"])
        XCTAssertEqual(Fixtures.requestErrors(ReasonBody.self, #"{}"#).map(\.field), ["reason"])
        XCTAssertEqual(Fixtures.requestErrors(DisburseRequest.self, #"{"method":"mobile_money"}"#), [])
        XCTAssertEqual(Fixtures.requestErrors(NewReport.self, #"{"type":"export","params":{}}"#).map(\.field), ["params.resource"])
        XCTAssertEqual(Fixtures.requestErrors(NewPaymentLink.self, #"{"loan_id":"ln_1","amount":-1}"#).map(\.field), ["amount"])
        XCTAssertEqual(Fixtures.requestErrors(NewClient.self, "not json").first?.field, "")
    }

    func testAgentEncodingRoundTrips() throws {
        let new = NewClient(firstName: "A", lastName: "B", phone: "+254712345678", externalID: "offline-1")
        let data = try FincoreJSON.encode(new)
        XCTAssertEqual(String(decoding: data, as: UTF8.self),
                       #"{"external_id":"offline-1","first_name":"A","last_name":"B","phone":"+254712345678","status":"active"}"#)
        XCTAssertEqual(try FincoreJSON.decodeRequest(NewClient.self, from: data), new)
        let payment = NewPayment(loanID: Fixtures.loanID, repayment: NewRepayment(amount: 5, method: .card))
        XCTAssertEqual(try FincoreJSON.decodeRequest(NewPayment.self, from: try FincoreJSON.encode(payment)), payment)
    }
}
