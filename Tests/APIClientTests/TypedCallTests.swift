import APIClient
import FincoreModel
import XCTest

/// The typed calls: paths, bodies, query parameters, metadata, pages and tombstones.
final class TypedCallTests: XCTestCase {
    func testRepaymentGoesToItsLoanWithTheOutboxKey() async throws {
        let server = try LoopbackServer([.respond(status: 201, headers: rateHeaders(), body: ModelFixtures.json(ModelFixtures.payment()))])
        let client = makeClient(server)
        let key = try XCTUnwrap(IdempotencyKey("outbox-7"))
        let response = try await client.createRepayment(
            ModelFixtures.loanID, NewRepayment(amount: 450_000, method: .cash, externalID: "field-7"),
            options: WriteOptions(idempotencyKey: key, priority: .money))
        XCTAssertEqual(response.value, ModelFixtures.payment())
        let sent = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(sent.method, "POST")
        XCTAssertEqual(sent.path, "/v1/loans/ln_def456/repayments")
        XCTAssertEqual(sent.header("Idempotency-Key"), "outbox-7")
        let body = try JSONSerialization.jsonObject(with: sent.body) as? [String: Any]
        XCTAssertEqual(body?["amount"] as? Int, 450_000)
        XCTAssertEqual(body?["method"] as? String, "cash")
        XCTAssertEqual(body?["external_id"] as? String, "field-7")
    }

    func testActionPathsAndIfMatch() async throws {
        let clientJSON = ModelFixtures.json(ModelFixtures.client(version: 3))
        let server = try LoopbackServer { _, request in
            .respond(status: 200, headers: ["ETag": "\"3\""], body: request.path.contains("loans") ? "{}" : clientJSON)
        }
        let client = makeClient(server)
        let verified = try await client.verifyKYC(ModelFixtures.clientID, options: WriteOptions(ifMatch: 2))
        XCTAssertEqual(verified.value.version, 3)
        XCTAssertEqual(verified.meta.version, 3)
        _ = try? await client.rejectKYC(ModelFixtures.clientID, reason: "blurred")
        for call in [
            { try await client.approveLoan(ModelFixtures.loanID) },
            { try await client.withdrawLoan(ModelFixtures.loanID) },
            { try await client.writeOffLoan(ModelFixtures.loanID, reason: "gone") },
            { try await client.disburseLoan(ModelFixtures.loanID, method: .mobileMoney) },
        ] as [@Sendable () async throws -> APIResponse<Loan>] {
            _ = try? await call()  // "{}" is not a loan: only the request matters here
        }
        let lines = server.requests.map { "\($0.method) \($0.path)" }
        XCTAssertEqual(lines, [
            "POST /v1/clients/cl_abc123/kyc/verify", "POST /v1/clients/cl_abc123/kyc/reject",
            "POST /v1/loans/ln_def456/approve", "POST /v1/loans/ln_def456/withdraw",
            "POST /v1/loans/ln_def456/write_off", "POST /v1/loans/ln_def456/disburse",
        ])
        XCTAssertEqual(server.requests[0].header("If-Match"), "\"2\"")
        XCTAssertEqual(String(decoding: server.requests[0].body, as: UTF8.self), "{}")
        XCTAssertEqual(String(decoding: server.requests[1].body, as: UTF8.self), #"{"reason":"blurred"}"#)
        XCTAssertEqual(String(decoding: server.requests[5].body, as: UTF8.self), #"{"method":"mobile_money"}"#)
    }

    func testListQueryAndFilters() async throws {
        let server = try LoopbackServer([.respond(status: 200, body: ModelFixtures.page([], total: 0, limit: 100, offset: 0))])
        let client = makeClient(server)
        var query = ListQuery.changes(since: ModelFixtures.t0, limit: 100)
        query.externalID = "field-7"
        _ = try await client.listPayments(query, filter: PaymentFilter(
            loanID: ModelFixtures.loanID, clientID: ModelFixtures.clientID, status: .pending, type: .repayment,
            branchID: "br_1", officerID: "of_2"))
        _ = try await client.listClients(ListQuery(limit: 5, offset: 10), filter: ClientFilter(status: .inactive))
        _ = try await client.listLoans(filter: LoanFilter(clientID: ModelFixtures.clientID, status: .active))
        _ = try await client.listDisbursements()
        XCTAssertEqual(server.requests.map { "\($0.path)?\($0.query ?? "")" }, [
            "/v1/payments?limit=100&sort=updated_at&updated_since=2026-11-24T09%3A15%3A02.123456Z&include_deleted=true"
                + "&external_id=field-7&loan_id=ln_def456&client_id=cl_abc123&status=pending&type=repayment"
                + "&branch_id=br_1&officer_id=of_2",
            "/v1/clients?limit=5&offset=10&status=inactive",
            "/v1/loans?client_id=cl_abc123&status=active",
            "/v1/disbursements?",
        ])
    }

    /// Pages come one at a time with their meta; tombstones are items like any other.
    func testPagesWithMetaAndTombstones() async throws {
        let item = ModelFixtures.json(ModelFixtures.client())
        let server = try LoopbackServer([
            .respond(status: 200, body: ModelFixtures.page([item, ModelFixtures.tombstone], total: 3, limit: 2, offset: 0)),
            .respond(status: 200, body: ModelFixtures.page([item], total: 3, limit: 2, offset: 2)),
        ])
        let client = makeClient(server)
        var metas: [ListPage<Listed<Client>>.Meta] = []
        var tombstones: [String] = []
        var objects = 0
        for try await page in client.clientPages(ListQuery(limit: 2, updatedSince: ModelFixtures.t0, includeDeleted: true)) {
            metas.append(page.value.meta)
            for listed in page.value.data {
                if let tombstone = listed.tombstone { tombstones.append(tombstone.id) }
                if listed.object != nil { objects += 1 }
            }
        }
        XCTAssertEqual(metas, [.init(total: 3, limit: 2, offset: 0), .init(total: 3, limit: 2, offset: 2)])
        XCTAssertEqual(tombstones, ["cl_gone1"])
        XCTAssertEqual(objects, 2)
        XCTAssertEqual(server.requests.map(\.query), ["limit=2&offset=0&updated_since=2026-11-24T09%3A15%3A02.123456Z&include_deleted=true",
                                                      "limit=2&offset=2&updated_since=2026-11-24T09%3A15%3A02.123456Z&include_deleted=true"])
    }

    /// `external_id_taken` hands back the existing object, decodable as the model type.
    func testExternalIDTakenCarriesTheExistingObject() async throws {
        let existing = ModelFixtures.json(ModelFixtures.payment())
        let server = try LoopbackServer([.respond(status: 409, body: errorJSON("external_id_taken", current: existing))])
        let client = makeClient(server)
        let error = await expectAPIError {
            try await client.createPayment(NewPayment(loanID: ModelFixtures.loanID,
                                                      repayment: NewRepayment(amount: 450_000, method: .cash, externalID: "field-7")))
        }
        XCTAssertEqual(error?.recovery, .resolveConflict)
        XCTAssertEqual(try error?.httpFailure?.current?.decode(as: Payment.self), ModelFixtures.payment())
    }
}
