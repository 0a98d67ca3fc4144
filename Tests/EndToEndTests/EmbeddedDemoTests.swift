import Foundation
import XCTest

/// A few commands against the embedded demo (no `FINCORE_API_URL`): the sandbox inside the
/// process, a first sync, and a fresh demo replica in `$FINCORE_HOME/demo`.
final class EmbeddedDemoTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "fincore-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: home)
    }

    private func run(_ arguments: [String]) throws -> FincoreProcess.Result {
        try FincoreProcess.run(arguments, environment: ["FINCORE_HOME": home, "FINCORE_API_URL": "",
                                                        "FINCORE_API_KEY": "", "NO_COLOR": "1"])
    }

    func testScriptAgainstTheDemo() throws {
        let result = try run(["--format", "json", "-c", "client list limit=3"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let clients = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(clients?.count, 3, "the first sync brought the demo portfolio in: \(result.stdout)")
        XCTAssertFalse(result.stdout.contains("DEMO MODE"), "no banner in a script")
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/demo/replica.sqlite"))

        let status = try run(["-c", "status; set"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("demo (embedded sandbox)"), status.stdout)
        XCTAssertNotNil(status.stdout.range(of: #"\nserver: +demo\n"#, options: .regularExpression), status.stdout)

        let work = try run(["-c", "client add first_name=Demo last_name=Agent kyc.id_type=passport kyc.id_number=P1; "
                                  + "kyc verify 'Demo Agent'; loan apply 'Demo Agent' principal=900 currency=KES "
                                  + "interest_rate_bps=0 term_months=3; sync plan; sync; loan list client='Demo Agent'; "
                                  + "report collections"])
        XCTAssertEqual(work.status, 0, work.stderr)
        XCTAssertTrue(work.stdout.contains("saved offline, 3 pending"), work.stdout)
        XCTAssertTrue(work.stdout.contains("  1  create_client   POST /v1/clients "), work.stdout)
        XCTAssertTrue(work.stdout.contains("3 to send, at least "), work.stdout)
        XCTAssertTrue(work.stdout.contains("sync done: pushed 3,"), work.stdout)
        XCTAssertTrue(work.stdout.contains("report:"), work.stdout)

        let fresh = try run(["--format", "csv", "-c", "outbox all=true; client find 'Demo Agent'"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertFalse(fresh.stdout.contains("Demo Agent"), "each start makes a fresh demo: \(fresh.stdout)")
    }
}
