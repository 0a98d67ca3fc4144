import XCTest
@testable import FincoreModel

/// Every response type encodes every field (null when unset) and decodes back to itself.
final class JSONCodingTests: XCTestCase {
    private func assertRoundTrip<T: Codable & Equatable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try FincoreJSON.encode(value)
        XCTAssertEqual(try FincoreJSON.decoder().decode(T.self, from: data), value, file: file, line: line)
    }

    func testClientWritesEveryFieldWithNulls() throws {
        XCTAssertEqual(try Fixtures.json(Fixtures.makeClient()), """
            {"address":null,"branch_id":null,"created_at":"2026-11-24T09:15:02.123456Z","date_of_birth":null,\
            "email":null,"external_id":null,"first_name":"Wanjiru","id":"cl_abc123","kyc":{"id_number":null,\
            "id_type":null,"rejection_reason":null,"status":"pending","verified_at":null},"last_name":"Kamau",\
            "object":"client","officer_id":null,"phone":null,"status":"active",\
            "updated_at":"2026-11-24T09:15:02.123456Z","version":1}
            """)
        var full = Fixtures.makeClient()
        full.phone = "+254712345678"
        full.dateOfBirth = CivilDate("1990-05-17")
        full.kyc = KYC(status: .verified, idType: .nationalID, idNumber: "12345678", verifiedAt: Fixtures.t0)
        try assertRoundTrip(full)
        try assertRoundTrip(Fixtures.makeClient())
    }

    func testLoanWithScheduleRoundTrips() throws {
        let loan = try Fixtures.makeLoan()
        let text = try Fixtures.json(loan)
        XCTAssertTrue(text.contains(#""schedule":[{"due_date":"2026-12-24","interest_due":1541,"paid":0,"principal_due":14285}"#))
        XCTAssertTrue(text.contains(#""closed_at":null"#))
        XCTAssertTrue(text.contains(#""balance":110791"#))
        try assertRoundTrip(loan)
    }

    func testOtherObjectsRoundTrip() throws {
        let t0 = Fixtures.t0
        let payment = Payment(
            id: PaymentID("py_1")!, createdAt: t0, updatedAt: t0, type: .repayment, loanID: Fixtures.loanID,
            clientID: Fixtures.clientID, amount: 450_000, currency: .kes, method: .mobileMoney, status: .pending)
        XCTAssertTrue(try Fixtures.json(payment).contains(#""failure_reason":null"#))
        try assertRoundTrip(payment)
        let link = PaymentLink(
            id: PaymentLinkID("pl_1")!, createdAt: t0, updatedAt: t0, loanID: Fixtures.loanID,
            clientID: Fixtures.clientID, amount: 5, currency: .ugx, url: "https://pay.example/pl_1")
        XCTAssertTrue(try Fixtures.json(link).contains(#""url":"https://pay.example/pl_1""#))
        try assertRoundTrip(link)
        let hook = Webhook(id: WebhookID("wh_1")!, createdAt: t0, updatedAt: t0, url: "https://h.example", events: [.loanUpdated])
        XCTAssertTrue(try Fixtures.json(hook).contains(#""secret":null"#))
        try assertRoundTrip(hook)
        let report = Report(
            id: ReportID("rp_1")!, type: .export, status: .completed, params: ReportParams(resource: .loans),
            result: ReportResult(url: "/v1/reports/rp_1/download", asOf: t0, extra: ["rows": .integer(12)]))
        XCTAssertTrue(try Fixtures.json(report).contains(#""as_of":"2026-11-24T09:15:02.123456Z""#))
        try assertRoundTrip(report)
        try assertRoundTrip(Report(id: ReportID("rp_2")!, type: .portfolio))
    }

    func testTombstonesAndListPages() throws {
        let tomb = Tombstone(id: Fixtures.clientID, updatedAt: Fixtures.t0)
        XCTAssertEqual(try Fixtures.json(tomb),
                       #"{"deleted":true,"id":"cl_abc123","object":"client","updated_at":"2026-11-24T09:15:02.123456Z"}"#)
        XCTAssertEqual(tomb.id(as: ClientKind.self), Fixtures.clientID)
        XCTAssertNil(Tombstone(id: "ln_1", object: .client, updatedAt: Fixtures.t0))
        let page = ListPage<Listed<Client>>(
            data: [.object(Fixtures.makeClient()), .tombstone(tomb)], meta: .init(total: 135, limit: 10, offset: 20))
        try assertRoundTrip(page)
        XCTAssertTrue(try Fixtures.json(page).hasSuffix(#""meta":{"limit":10,"offset":20,"total":135}}"#))
        XCTAssertTrue(page.hasMore)
        let decoded = try Fixtures.decode(ListPage<Listed<Client>>.self, try Fixtures.json(page))
        XCTAssertEqual(decoded.data.compactMap(\.tombstone), [tomb])
        XCTAssertEqual(Fixtures.failure(Tombstone.self, #"{"id":"ln_1","object":"client","deleted":true,"updated_at":"2026-11-24T09:15:02Z"}"#)?.field, "id")
    }

    func testWebhookEventsByObjectType() throws {
        let loanEvent = WebhookEvent(id: EventID("ev_1")!, type: .loanUpdated, createdAt: Fixtures.t0, object: .loan(try Fixtures.makeLoan()))
        try assertRoundTrip(loanEvent)
        XCTAssertTrue(try Fixtures.json(loanEvent).contains(#""data":{"object":{"approved_at":null"#))
        let deleted = WebhookEvent(id: EventID("ev_2")!, type: .clientDeleted, createdAt: Fixtures.t0,
                                   object: .tombstone(Tombstone(id: Fixtures.clientID, updatedAt: Fixtures.t0)))
        try assertRoundTrip(deleted)
        let bad = #"{"id":"ev_3","type":"loan.updated","created_at":"2026-11-24T09:15:02Z","data":{"object":{"object":"thing"}}}"#
        XCTAssertEqual(Fixtures.failure(WebhookEvent.self, bad)?.field, "data.object.object")
    }

    func testErrorBodiesAndCodes() throws {
        let body = APIErrorResponse(error: APIErrorBody(
            code: .versionConflict, message: "stale", current: try JSONValue(encoding: try Fixtures.makeLoan())))
        try assertRoundTrip(body)
        XCTAssertEqual(try body.error.current?.decode(as: Loan.self), try Fixtures.makeLoan())
        let invalid = APIErrorResponse(error: .invalidRequest(ValidationErrors([FieldError(field: "amount", message: "Amount must be greater than zero")])))
        XCTAssertEqual(try Fixtures.json(invalid), """
            {"error":{"code":"invalid_request","current":null,"details":[{"field":"amount",\
            "message":"Amount must be greater than zero"}],"message":"The request was invalid"}}
            """)
        let minimal = try Fixtures.decode(APIErrorResponse.self, #"{"error":{"code":"teapot","message":"short and stout"}}"#)
        XCTAssertEqual(minimal.error.code, .unknown("teapot"))
        XCTAssertNil(minimal.error.code.httpStatus)
        XCTAssertEqual(minimal.error.details, [])
        XCTAssertEqual(ErrorCode(rawValue: "invalid_request"), .invalidRequest)
        XCTAssertEqual(ErrorCode.invalidRequest.httpStatus, 400)
        XCTAssertEqual(ErrorCode.amountExceedsBalance.rawValue, "amount_exceeds_balance")
        for row in ErrorCode.table {
            XCTAssertEqual(ErrorCode(rawValue: row.rawValue), row.code)
            XCTAssertEqual(row.code.rawValue, row.rawValue)
            XCTAssertEqual(row.code.httpStatus, row.status)
        }
        XCTAssertEqual(ErrorCode.table.count, 14)
    }

    func testUnknownKeysIgnoredAndAbsentOptionalsTolerated() throws {
        let text = """
            {"id":"cl_1","object":"client","created_at":"2026-11-24T09:15:02Z","updated_at":"2026-11-24T09:15:02Z",\
            "version":3,"first_name":"A","last_name":"B","status":"inactive","kyc":{"status":"pending","future":1},\
            "nickname":"x","risk":{"score":7}}
            """
        let client = try Fixtures.decode(Client.self, text)
        XCTAssertEqual(client.version, 3)
        XCTAssertEqual(client.status, .inactive)
        XCTAssertNil(client.phone)
    }
}
