import APIClient
import FincoreModel
import Foundation
import XCTest

/// A hostile or broken server (issue 9): every answer ends in a clear error or a bounded wait,
/// never a crash, a hang or unbounded memory.
///
/// Already covered elsewhere and not repeated here: an HTML 502, JSON cut short, an empty 200
/// and a wrong-shaped 200 (`APIErrorDecodingTests.testAnswersNotInTheContractsShape`), a body
/// cut short by a closed connection retried under the same key
/// (`RetryBehaviourTests.testCallersKeyIsUsedOnEveryAttempt`).
final class HostileServerTests: XCTestCase {
    // MARK: Huge and endless bodies

    /// A `Content-Length` of 10 GB is refused from the head alone: no byte of it is read, the
    /// connection is closed, and a 2xx too large is not retried (it would be as large again).
    func testTenGigabyteContentLengthIsRefusedFromTheHead() async throws {
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Length": "10737418240",
                                                                        "Content-Type": "application/json"],
                                                 chunk: Data(repeating: 0x20, count: 65_536))])
        let client = makeClient(server, policy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
        let error = await expectAPIError { try await self.within { try await client.listClients() } }
        guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.status, 200)
        XCTAssertEqual(failure.problem, .tooLarge(limit: URLSessionTransport.defaultMaximumBodyBytes))
        XCTAssertEqual(failure.byteCount, 0)
        XCTAssertEqual(error?.recovery, .giveUp)
        XCTAssertEqual(failure.description, "GET clients: HTTP 200 with a body over the client's limit of 16777216 bytes (0 bytes)")
        XCTAssertEqual(server.requests.count, 1)
        try await waitForHangUp(server)
    }

    /// A 50 MB list page without a length (chunked) is read up to the 16 MiB cap, then dropped:
    /// the error says how much had arrived (just over the cap, not 50 MB).
    func testFiftyMegabyteBodyStopsAtTheCap() async throws {
        let cap = URLSessionTransport.defaultMaximumBodyBytes
        let fifty = 50 << 20
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Type": "application/json"],
                                                 prefix: Data(#"{"data":["#.utf8),
                                                 chunk: Data(String(repeating: #"{"id":"cl_abc123","object":"client"},"#,
                                                                    count: 1_000).utf8),
                                                 limit: fifty, chunked: true)])
        let client = makeClient(server)
        let error = await expectAPIError { try await self.within { try await client.listClients() } }
        guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.problem, .tooLarge(limit: cap))
        XCTAssertGreaterThan(failure.byteCount, cap, "reading stopped at the first chunk over the cap")
        XCTAssertLessThan(failure.byteCount, cap + (1 << 20))
        XCTAssertEqual(error?.recovery, .giveUp)
        // Whether the server still gets to send the rest depends on how fast loopback is next
        // to URLSession's cancellation; what the client holds is bounded either way.
    }

    /// The cap is exact: a body of exactly the limit is accepted, one byte more is refused.
    func testBodyCapIsExact() async throws {
        let body = #"{"id":"cl_1","version":1}"#
        let padded = body + String(repeating: " ", count: 100 - body.utf8.count)
        let server = try LoopbackServer([.respond(status: 200, body: padded), .respond(status: 200, body: padded + " ")])
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = .never
        let client = APIClient(baseURL: server.baseURL, key: testKey, configuration: configuration,
                               transport: URLSessionTransport(maximumBodyBytes: 100))
        let accepted = try await client.send(APIRequest(.get, "clients/cl_1"), as: Echo.self)
        XCTAssertEqual(accepted.value, Echo(id: "cl_1", version: 1))
        let error = await expectAPIError { try await client.send(APIRequest(.get, "clients/cl_1"), as: Echo.self) }
        XCTAssertEqual(error, APIError.malformed(MalformedResponse(status: 200, problem: .tooLarge(limit: 100), byteCount: 0,
                                                           request: "GET clients/cl_1")))
    }

    /// A body that trickles forever (a byte every 50 ms, so the connection is never idle) ends
    /// when the attempt's timeout runs out, as a timeout, and the connection is closed.
    func testEndlessTrickleEndsAtTheAttemptTimeout() async throws {
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Type": "application/json"],
                                                 chunk: Data(" ".utf8), interval: 0.05)])
        let client = makeClient(server, timeout: .seconds(1))
        let error = await expectAPIError { try await self.within { try await client.listClients() } }
        guard case .transport(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.kind, .timedOut)
        XCTAssertEqual(error?.recovery, .retry)
        try await waitForHangUp(server)
    }

    /// An endless chunked body sent as fast as the socket takes it ends at the cap.
    func testEndlessChunkedBodyEndsAtTheCap() async throws {
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Type": "application/json"],
                                                 chunk: Data(repeating: 0x5B, count: 65_536), chunked: true)])
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = .never
        let client = APIClient(baseURL: server.baseURL, key: testKey, configuration: configuration,
                               transport: URLSessionTransport(maximumBodyBytes: 1 << 20))
        let error = await expectAPIError { try await self.within { try await client.listClients() } }
        guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.problem, .tooLarge(limit: 1 << 20))
        try await waitForHangUp(server)
    }

    /// A download line that never ends is refused at the line cap: the lines before it are
    /// handed out, then the stream throws naming the line, and the transfer is stopped.
    func testEndlessDownloadLineIsRefusedAtTheLineCap() async throws {
        let head = Data("{\"n\":1}\n\n{\"n\":2}\n".utf8)
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Type": "application/x-ndjson"],
                                                 prefix: head, chunk: Data(repeating: 0x78, count: 65_536))])
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = .never
        configuration.maximumLineBytes = 100_000
        let client = APIClient(baseURL: server.baseURL, key: testKey, configuration: configuration)
        let lines = try await client.streamLines(APIRequest(.get, "reports/rp_1/download"))
        let received = Collected()
        let error = await expectAPIError {
            try await self.within {
                for try await line in lines { received.append(String(decoding: line, as: UTF8.self)) }
            }
        }
        XCTAssertEqual(received.all, [#"{"n":1}"#, #"{"n":2}"#])
        guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.problem, .lineTooLong(line: 4, limit: 100_000))
        XCTAssertEqual(failure.description.hasPrefix("GET reports/rp_1/download: HTTP 200 with line 4 over"), true,
                       failure.description)
        try await waitForHangUp(server)
    }

    /// A download reader that falls far behind an endless stream does not let it fill memory:
    /// the transfer stops at the unread cap, and the reader then gets what was buffered and an
    /// error, not more.
    func testDownloadReaderFallingBehindIsBounded() async throws {
        let server = try LoopbackServer([.stream(status: 200, headers: ["Content-Type": "application/x-ndjson"],
                                                 chunk: Data(String(repeating: "{\"n\":1}\n", count: 8_192).utf8))])
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = .never
        let client = APIClient(baseURL: server.baseURL, key: testKey, configuration: configuration,
                               transport: URLSessionTransport(maximumUnreadBytes: 1 << 20))
        let lines = try await client.streamLines(APIRequest(.get, "reports/rp_1/download"))
        try await waitForHangUp(server)  // nobody read a line yet
        let count = Counted()
        let error = await expectAPIError {
            try await self.within { for try await _ in lines { count.add() } }
        }
        guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(failure.problem, .tooLarge(limit: 1 << 20))
        XCTAssertLessThanOrEqual(count.value * 8, (1 << 20) + 65_536 * 2, "only what was buffered before the stop")
    }

    /// A download cut off mid-line (the `Content-Length` promised more) hands out the complete
    /// lines, then throws a transport failure: never the partial line as if it were whole.
    func testTruncatedDownloadEndsInATransportFailure() async throws {
        let body = "{\"n\":1}\n{\"n\":2}\n{\"n\":3,\"padding\":\"" + String(repeating: "y", count: 200) + "\"}\n"
        let server = try LoopbackServer([.truncate(status: 200, body: body, sent: 40)])
        let client = makeClient(server)
        let lines = try await client.streamLines(APIRequest(.get, "reports/rp_1/download"))
        let received = Collected()
        let error = await expectAPIError {
            try await self.within {
                for try await line in lines { received.append(String(decoding: line, as: UTF8.self)) }
            }
        }
        XCTAssertEqual(received.all, [#"{"n":1}"#, #"{"n":2}"#])
        guard case .transport? = error else { return XCTFail(String(describing: error)) }
    }

    // MARK: Bodies that are not UTF-8 or of the wrong types

    /// A JSON body with bytes that are not UTF-8 (a Latin-1 `é`) is invalid JSON, not a crash
    /// and not a mangled name stored as if it were right.
    func testBodyThatIsNotUTF8() async throws {
        var body = Data(ModelFixtures.page([ModelFixtures.json(ModelFixtures.client())], total: 1, limit: 20, offset: 0).utf8)
        let name = Data("Wanjiru".utf8)
        let range = try XCTUnwrap(body.range(of: name))
        body.replaceSubrange(range, with: Data([0x4A, 0x6F, 0x73, 0xE9]))  // "José" in Latin-1
        let server = try LoopbackServer([.bytes(status: 200, headers: ["Content-Type": "application/json"], body: body),
                                         .bytes(status: 200, headers: ["Content-Type": "application/json"],
                                                body: Data([0xFF, 0xFE, 0x7B, 0x7D]))])
        let client = makeClient(server)
        for _ in 0..<2 {
            let error = await expectAPIError { try await client.listClients() }
            guard case .malformed(let failure)? = error else { return XCTFail(String(describing: error)) }
            XCTAssertEqual(failure.status, 200)
            XCTAssertTrue([.invalidJSON, .notJSON(contentType: "application/json")].contains(failure.problem),
                          "\(failure.problem)")
        }
    }

    /// A download line that is not UTF-8 is refused naming its line.
    func testDownloadLineThatIsNotUTF8() async throws {
        let line = ModelFixtures.json(ModelFixtures.client())
        var bad = Data((line + "\n").utf8)
        let range = try XCTUnwrap(bad.range(of: Data("Wanjiru".utf8)))
        bad.replaceSubrange(range, with: Data([0x4A, 0x6F, 0x73, 0xE9]))  // "José" in Latin-1
        let server = try LoopbackServer([.bytes(status: 200, body: Data((line + "\n").utf8) + bad)])
        let client = makeClient(server)
        let lines = try await client.streamLines(APIRequest(.get, "reports/rp_1/download"))
        var decoded: [Client] = []
        let error = await expectAPIError {
            for try await client in lines.decoded(as: Client.self) { decoded.append(client) }
        }
        XCTAssertEqual(decoded, [ModelFixtures.client()])
        guard case .malformed(let failure)? = error, case .unexpectedShape(let field, _) = failure.problem else {
            return XCTFail(String(describing: error))
        }
        XCTAssertEqual(field, "line 2")
    }

    /// Wrong JSON types are decoding errors naming the exact path.
    func testWrongJSONTypesNameTheirPath() async throws {
        let payment = ModelFixtures.json(ModelFixtures.payment())
        let client = ModelFixtures.json(ModelFixtures.client())
        let cases: [(body: String, field: String, message: String)] = [
            (page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":"12""#)]),
             "data[0].amount", "must be an integer"),
            (page([payment, payment.replacingOccurrences(of: #""version":1"#, with: #""version":"x""#)]),
             "data[1].version", "must be an integer"),
            (page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":12.5"#)]),
             "data[0].amount", FincoreJSON.integerMessage),
            (page([payment.replacingOccurrences(of: #""status":"succeeded""#, with: #""status":true"#)]),
             "data[0].status", "must be a string"),
            (page([client.replacingOccurrences(of: #""object":"client""#, with: #""object":"loan""#)]),
             "data[0].object", #"must be "payment""#),
            (#"{"data":{},"meta":{"total":0,"limit":20,"offset":0}}"#, "data", "must be an array"),
            (#"{"data":[],"meta":{"total":"0","limit":20,"offset":0}}"#, "meta.total", "must be an integer"),
            (#"{"data":[],"meta":null}"#, "meta", "must not be null"),
        ]
        let server = try LoopbackServer { index, _ in .respond(status: 200, body: cases[min(index, cases.count - 1)].body) }
        let api = makeClient(server)
        for (index, expected) in cases.enumerated() {
            let error = await expectAPIError { try await api.listPayments() }
            guard case .malformed(let failure)? = error else { return XCTFail("case \(index): \(String(describing: error))") }
            XCTAssertEqual(failure.problem, .unexpectedShape(field: expected.field, message: expected.message), "case \(index)")
            XCTAssertEqual(error?.recovery, .giveUp, "a 2xx of the wrong shape will not improve")
        }
        XCTAssertEqual(server.requests.count, cases.count)
    }

    // MARK: Amounts and ids

    /// Negative money and amounts beyond Int64 are refused naming the field; a well-formed but
    /// unknown currency is accepted as unknown (FincoreModel's `Currency` rule: a server may
    /// add currencies), a malformed one is refused.
    func testNegativeAndAbsurdAmounts() async throws {
        let payment = ModelFixtures.json(ModelFixtures.payment())
        let loan = ModelFixtures.json(Self.activeLoan())
        let cases: [(path: String, body: String, field: String, message: String)] = [
            ("payments", page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":-450000"#)]),
             "data[0].amount", "must be greater than zero"),
            ("payments", page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":0"#)]),
             "data[0].amount", "must be greater than zero"),
            ("payments", page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":9223372036854775808"#)]),
             "data[0].amount", FincoreJSON.integerMessage),
            ("payments", page([payment.replacingOccurrences(of: #""amount":450000"#, with: #""amount":1e300"#)]),
             "data[0].amount", FincoreJSON.integerMessage),
            ("payments", page([payment.replacingOccurrences(of: #""currency":"KES""#, with: #""currency":"kes""#)]),
             "data[0].currency", "must be an ISO 4217 code of three uppercase letters"),
            ("loans", page([loan, loan.replacingOccurrences(of: #""balance":132000"#, with: #""balance":-1"#)]),
             "data[1].balance", "must not be negative"),
            ("loans", page([loan.replacingOccurrences(of: #""principal":120000"#, with: #""principal":-120000"#)]),
             "data[0].principal", "must be greater than zero"),
            ("loans", page([loan.replacingOccurrences(of: #""paid":0"#, with: #""paid":-5"#)]),
             "data[0].schedule[0].paid", "must not be negative"),
        ]
        let server = try LoopbackServer { index, _ in .respond(status: 200, body: cases[min(index, cases.count - 1)].body) }
        let api = makeClient(server)
        for (index, expected) in cases.enumerated() {
            let error = await expectAPIError {
                expected.path == "loans" ? try await api.listLoans().meta : try await api.listPayments().meta
            }
            guard case .malformed(let failure)? = error else { return XCTFail("case \(index): \(String(describing: error))") }
            XCTAssertEqual(failure.problem, .unexpectedShape(field: expected.field, message: expected.message), "case \(index)")
        }

        let unknown = try LoopbackServer([.respond(status: 200, body: page([
            payment.replacingOccurrences(of: #""currency":"KES""#, with: #""currency":"XYZ""#)]))])
        let listed = try await makeClient(unknown).listPayments().value.data
        XCTAssertEqual(listed.first?.object?.currency.code, "XYZ")
        XCTAssertEqual(listed.first?.object?.currency.isKnown, false)
    }

    /// An id with another type's prefix is refused at its path, and a list's tombstone of
    /// another type (which the replica would apply as a deletion) is refused at `object`.
    func testIDsWithTheWrongPrefix() async throws {
        let client = ModelFixtures.json(ModelFixtures.client())
        let payment = ModelFixtures.json(ModelFixtures.payment())
        let server = try LoopbackServer([
            .respond(status: 200, body: page([client.replacingOccurrences(of: "cl_abc123", with: "ln_abc123")])),
            .respond(status: 200, body: page([payment.replacingOccurrences(of: #""loan_id":"ln_def456""#,
                                                                           with: #""loan_id":"cl_def456""#)])),
            .respond(status: 200, body: page([ModelFixtures.tombstone])),
            .respond(status: 200, body: page([#"{"id":"ln_gone1","object":"client","deleted":true,"updated_at":"2026-11-24T09:15:02.123456Z"}"#])),
        ])
        let api = makeClient(server)
        var problems: [MalformedResponse.Problem?] = []
        for index in 0..<4 {
            let error = await expectAPIError {
                index == 1 ? try await api.listPayments().meta : index == 2 ? try await api.listLoans().meta
                    : try await api.listClients().meta
            }
            guard case .malformed(let failure)? = error else { return XCTFail("\(index): \(String(describing: error))") }
            problems.append(failure.problem)
        }
        XCTAssertEqual(problems, [
            .unexpectedShape(field: "data[0].id", message: "must be a client id starting with cl_"),
            .unexpectedShape(field: "data[0].loan_id", message: "must be a loan id starting with ln_"),
            .unexpectedShape(field: "data[0].object", message: #"must be "loan" in this list"#),
            .unexpectedShape(field: "data[0].id", message: "must be a client id starting with cl_"),
        ])
    }
}
