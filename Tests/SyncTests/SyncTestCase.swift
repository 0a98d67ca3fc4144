import APIClient
import FincoreModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Replica
import SandboxServer
@testable import Sync
import XCTest

/// A test case with a sandbox on a free loopback port and a temporary directory for replicas.
class SyncTestCase: XCTestCase {
    static let adminKey = "sk_admin_sync_tests"
    private(set) var directory: URL!
    private(set) var server: SandboxServer?
    private(set) var baseURL: URL!

    /// Whether the long variants run (`FINCORE_LONG_TESTS=1`).
    static var long: Bool { ProcessInfo.processInfo.environment["FINCORE_LONG_TESTS"] == "1" }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sync-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    }

    override func tearDown() async throws {
        await server?.stop()
        server = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Starts the sandbox; rate limiting off unless `configure` sets a window.
    func startSandbox(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateWindowSeconds = 0
        configuration.adminKey = Self.adminKey
        configuration.settlementDelaySeconds = 0.2
        configure(&configuration)
        let server = try SandboxServer(configuration: configuration)
        baseURL = try await server.start()
        self.server = server
    }

    /// A client with short timeouts: URLSession on Linux is slow to notice a dropped connection.
    func makeClient(retries: Int = 4) throws -> APIClient {
        var configuration = APIClient.Configuration()
        configuration.requestTimeout = .seconds(2)
        configuration.retryPolicy = RetryPolicy(maxAttempts: retries, baseDelay: .milliseconds(20),
                                                maxDelay: .milliseconds(200), maxRetryAfter: .seconds(5),
                                                deadline: .seconds(20))
        configuration.rateLimitWindow = .seconds(1)
        return APIClient(baseURL: baseURL, key: try XCTUnwrap(APIKey(SandboxConfiguration.demoAPIKey)),
                         configuration: configuration)
    }

    func replicaPath(_ name: String = "replica") -> String {
        directory.appendingPathComponent(name + ".sqlite").path
    }

    /// A new engine (new client, replica opened afresh) on the replica file `name`, as after a restart.
    /// `exportThreshold` 0 exports every resource when the server has reports, whatever its size.
    func makeEngine(_ name: String = "replica", retries: Int = 4, exportBatch: Int = 500,
                    exportThreshold: Int = 0) throws -> SyncEngine {
        var configuration = SyncEngine.Configuration()
        configuration.exportBatchSize = exportBatch
        configuration.exportThreshold = exportThreshold
        return SyncEngine(client: try makeClient(retries: retries), replica: try Replica(path: replicaPath(name)),
                          configuration: configuration)
    }

    /// Calls an operator route (`/_sandbox/...`) with a JSON body.
    func operatorCall(_ path: String, _ body: [String: Any] = [:]) async throws {
        let url = try XCTUnwrap(URL(string: path, relativeTo: baseURL)?.absoluteURL)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("Bearer \(Self.adminKey)", forHTTPHeaderField: "Authorization")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200, String(decoding: data, as: UTF8.self))
    }

    func setFaults(_ settings: [String: Any]) async throws {
        try await operatorCall("/_sandbox/faults", settings)
    }

    static var noFaults: [String: Any] { [
        "latency_ms": "0-0", "error_503": 0, "error_500": 0, "drop_before_commit": 0, "drop_after_commit": 0,
        "truncate_body": 0, "storm_429": 0, "commit_lag_s": 0, "writers": 0,
    ] }

    // MARK: Server fixtures

    /// A verified client with an active loan of 1,200.00 KES (12 months, 10%), made on the server.
    func makeActiveLoan(_ api: APIClient, officer: String = "of_1", branch: String = "br_1") async throws
        -> (client: Client, loan: Loan) {
        let client = try await makeClient(api, officer: officer, branch: branch, verified: true)
        let loan = try await api.createLoan(NewLoan(clientID: client.id, principal: 120_000, currency: .kes,
                                                    interestRateBps: 1000, termMonths: 12)).value
        _ = try await api.approveLoan(loan.id)
        let active = try await api.disburseLoan(loan.id, method: .cash).value
        return (client, active)
    }

    /// A sandbox with one client, and agents `a` and `b` whose first syncs brought it in.
    func twoAgentsSharingAClient() async throws -> (api: APIClient, client: Client, a: SyncEngine, b: SyncEngine) {
        try await startSandbox()
        let api = try makeClient()
        let client = try await makeClient(api)
        let a = try makeEngine("a"), b = try makeEngine("b")
        for engine in [a, b] {
            let first = await engine.sync()
            XCTAssertEqual(first.outcome, .completed)
        }
        return (api, client, a, b)
    }

    func makeClient(_ api: APIClient, officer: String = "of_1", branch: String = "br_1", verified: Bool = false)
        async throws -> Client {
        let client = try await api.createClient(NewClient(
            firstName: "Amina", lastName: "Otieno", phone: "+254712345678", branchID: branch, officerID: officer,
            kyc: KYCPatch(idType: .value(.nationalID), idNumber: .value("12345678")))).value
        return verified ? try await api.verifyKYC(client.id).value : client
    }

    // MARK: Comparing

    /// Every live object on the server as `id → version`, read with a fault-free listing.
    func serverVersions(_ api: APIClient) async throws -> [String: Int] {
        var versions: [String: Int] = [:]
        for try await page in api.clientPages(ListQuery(limit: 100)) {
            for client in page.value.data.compactMap(\.object) { versions[client.id.rawValue] = client.version }
        }
        for try await page in api.loanPages(ListQuery(limit: 100)) {
            for loan in page.value.data.compactMap(\.object) { versions[loan.id.rawValue] = loan.version }
        }
        for try await page in api.paymentPages(ListQuery(limit: 100)) {
            for payment in page.value.data.compactMap(\.object) { versions[payment.id.rawValue] = payment.version }
        }
        for try await page in api.paymentLinkPages(ListQuery(limit: 100)) {
            for link in page.value.data.compactMap(\.object) { versions[link.id.rawValue] = link.version }
        }
        return versions
    }

    /// Every object in the replica as `id → version` (the view's, equal to the server copy when
    /// nothing is pending).
    func replicaVersions(_ replica: Replica) throws -> [String: Int] {
        var versions: [String: Int] = [:]
        for client in try replica.clients(limit: 1_000_000) {
            versions[client.value.id.rawValue] = client.value.version
            for loan in try replica.loans(ofClient: client.value.id) {
                versions[loan.value.id.rawValue] = loan.value.version
                for link in try replica.paymentLinks(ofLoan: loan.value.id) {
                    versions[link.value.id.rawValue] = link.value.version
                }
            }
            for payment in try replica.payments(ofClient: client.value.id) {
                versions[payment.value.id.rawValue] = payment.value.version
            }
        }
        return versions
    }

    /// Asserts that replica and server hold the same objects at the same versions.
    func assertSameAsServer(_ replica: Replica, _ api: APIClient, file: StaticString = #filePath, line: UInt = #line)
        async throws {
        let server = try await serverVersions(api)
        let local = try replicaVersions(replica)
        let missing = server.filter { local[$0.key] == nil }.keys.sorted()
        let extra = local.filter { server[$0.key] == nil }.keys.sorted()
        let stale = server.filter { local[$0.key] != nil && local[$0.key] != $0.value }.keys.sorted()
        XCTAssertEqual(missing, [], "missing from the replica", file: file, line: line)
        XCTAssertEqual(extra, [], "in the replica but not on the server (deleted?)", file: file, line: line)
        XCTAssertEqual(stale, [], "at another version", file: file, line: line)
        XCTAssertGreaterThan(server.count, 0, file: file, line: line)
    }
}
