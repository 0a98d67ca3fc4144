import Foundation
import XCTest

/// The shared ground of the every-command tests: a sandbox, an agent home, and small helpers to
/// make objects in a given state and read `--format json` output back.
class EveryCommandTestCase: XCTestCase {
    var fixture: AgentFixture!

    /// Extra `fincore sandbox` options for this case's server.
    var sandboxArguments: [String] { [] }

    override func setUpWithError() throws {
        fixture = try AgentFixture(sandboxArguments: sandboxArguments)
    }

    override func tearDown() {
        fixture = nil
    }

    /// Runs `-c COMMANDS` (in `home`, default the fixture's), expecting `status`; returns stdout.
    @discardableResult
    func expect(_ commands: String, status: Int32 = 0, format: String? = nil, home: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) throws -> FincoreProcess.Result {
        var arguments = format.map { ["--format", $0] } ?? []
        arguments += ["-c", commands]
        var environment = fixture.environment
        if let home { environment["FINCORE_HOME"] = home }
        let result = try FincoreProcess.run(arguments, environment: environment)
        XCTAssertEqual(result.status, status, "\(commands)\nstdout: \(result.stdout)\nstderr: \(result.stderr)",
                       file: file, line: line)
        return result
    }

    /// The objects of a `--format json` run: an array, one object per row or per record.
    func objects(_ commands: String, home: String? = nil, file: StaticString = #filePath,
                 line: UInt = #line) throws -> [[String: Any]] {
        let result = try expect(commands, format: "json", home: home, file: file, line: line)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        if let array = parsed as? [[String: Any]] { return array }
        if let object = parsed as? [String: Any] { return [object] }
        XCTFail("not JSON objects: \(result.stdout)", file: file, line: line)
        return []
    }

    /// One record (`client show`, `loan show`…) as a dictionary of strings.
    func record(_ command: String, home: String? = nil, file: StaticString = #filePath,
                line: UInt = #line) throws -> [String: String] {
        let rows = try objects(command, home: home, file: file, line: line)
        XCTAssertEqual(rows.count, 1, "\(command): \(rows)", file: file, line: line)
        return (rows.first ?? [:]).compactMapValues { value in
            (value as? String) ?? (value as? NSNumber).map { $0.stringValue }
        }
    }

    /// A client registered offline with KYC id fields (KYC pending); returns its local id.
    func addClient(_ first: String, _ last: String, home: String? = nil, file: StaticString = #filePath,
                   line: UInt = #line) throws -> String {
        let add = try expect("client add first_name=\(first) last_name=\(last) phone=+254711000001 "
                             + "kyc.id_type=national_id kyc.id_number=K-\(first)", home: home, file: file, line: line)
        return try XCTUnwrap(AgentFixture.savedID(add.stdout), add.stdout, file: file, line: line)
    }

    /// A verified client with a pending loan application; returns (client, loan) local ids.
    func pendingLoan(_ first: String, _ last: String) throws -> (String, String) {
        let client = try addClient(first, last)
        let apply = try expect("kyc verify \(client); loan apply \(client) principal=12000 currency=KES "
                               + "interest_rate_bps=1200 term_months=12")
        return (client, try XCTUnwrap(AgentFixture.savedID(apply.stdout), apply.stdout))
    }

    /// A verified client with an active (disbursed) loan; returns (client, loan) local ids.
    func activeLoan(_ first: String, _ last: String) throws -> (String, String) {
        let (client, loan) = try pendingLoan(first, last)
        try expect("loan approve \(loan); loan disburse \(loan) method=cash")
        return (client, loan)
    }

    /// Syncs and expects it to finish cleanly (or with `status`); returns the summary line.
    @discardableResult
    func sync(status: Int32 = 0, home: String? = nil, file: StaticString = #filePath,
              line: UInt = #line) throws -> String {
        let result = try expect("sync", status: status, home: home, file: file, line: line)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A second agent's home on the same server (the same key, its own replica).
    func secondHome() throws -> String {
        let home = fixture.home + "/second"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    /// The rows of a `--format csv` run, header first.
    func csv(_ commands: String, home: String? = nil, file: StaticString = #filePath,
             line: UInt = #line) throws -> [[String]] {
        let result = try expect(commands, format: "csv", home: home, file: file, line: line)
        return result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
