import Foundation
import XCTest

/// `outbox show|retry|drop`, `conflicts` and `resolve`, on real conflicts: two agents (two
/// replicas on one server) edit the same fields of one client, and the slower one must choose.
final class EveryCommandOutboxTests: EveryCommandTestCase {
    private var other = ""
    private var client = ""

    /// A client both agents have synced; returns nothing, sets `client` (its server id) and `other`.
    private func shareAClient() throws {
        _ = try addClient("Shared", "Person")
        try sync()
        client = try XCTUnwrap(try record("client show 'Shared Person'")["id"])
        other = try secondHome()
        try sync(home: other)
        XCTAssertEqual(try record("client show \(client)", home: other)["first_name"], "Shared")
    }

    /// The first agent changes `fields` and syncs; the second changes them too and its sync
    /// ends in a conflict (exit 4). Returns the conflicting entry's number.
    private func collide(mine: String, theirs: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try expect("client edit \(client) \(theirs); sync", file: file, line: line)
        try expect("client edit \(client) \(mine)", home: other, file: file, line: line)
        let summary = try sync(status: 4, home: other, file: file, line: line)
        XCTAssertTrue(summary.contains("1 conflicts"), summary, file: file, line: line)
        let conflicts = try objects("conflicts", home: other, file: file, line: line)
        XCTAssertEqual(conflicts.count, 1, "\(conflicts)", file: file, line: line)
        return try XCTUnwrap((conflicts.first?["seq"] as? NSNumber)?.stringValue, file: file, line: line)
    }

    func testOutboxShowRetryAndDropOnAConflict() throws {
        try shareAClient()
        let seq = try collide(mine: "phone=+254700000002 address=Bstreet", theirs: "phone=+254700000001 address=Astreet")
        let conflicts = try objects("conflicts", home: other)
        XCTAssertEqual(conflicts.first?["kind"] as? String, "edit_client")
        XCTAssertEqual(conflicts.first?["object"] as? String, client)
        XCTAssertEqual(conflicts.first?["state"] as? String, "conflict")
        XCTAssertEqual(conflicts.first?["error"] as? String, "version_conflict: changed on the server too: address, phone")

        let shown = try record("outbox show \(seq)", home: other)
        XCTAssertEqual(shown["kind"], "edit_client")
        XCTAssertEqual(shown["state"], "conflict")
        XCTAssertEqual(shown["request"], "PATCH /v1/clients/\(client)")
        XCTAssertEqual(shown["fields"], "address, phone")
        XCTAssertEqual(shown["error"], "version_conflict: changed on the server too: address, phone (address)")
        let table = try expect("outbox show \(seq)", home: other).stdout
        XCTAssertFalse(table.contains("Bstreet"), "values stay private in outbox show: \(table)")

        XCTAssertEqual(try expect("outbox retry \(seq)", home: other).stdout, "outbox \(seq): queued again; 1 pending\n")
        XCTAssertEqual(try record("outbox show \(seq)", home: other)["state"], "pending")
        XCTAssertTrue(try sync(status: 4, home: other).contains("1 conflicts"), "sent as it was, it collides again")

        let dropped = try expect("outbox drop \(seq)", format: "json", home: other)
        XCTAssertEqual(dropped.stdout, "{\"dropped\":\"\(seq)\",\"pending\":\"0\"}\n", "JSON on stdout")
        XCTAssertTrue(dropped.stderr.contains("dropped outbox \(seq); 0 pending"), "the sentence on stderr: \(dropped.stderr)")
        XCTAssertEqual(try objects("conflicts", home: other).count, 0)
        try sync(home: other)
        XCTAssertEqual(try record("client show \(client)", home: other)["address"], "Astreet", "theirs is what stays")

        let missing = try expect("outbox show 999", status: 1, home: other)
        XCTAssertTrue(missing.stderr.contains("-c:1: error: outbox show: no outbox entry 999"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("hint: run 'outbox' to see entry numbers"), missing.stderr)
    }

    func testResolveMineTheirsAndFieldByField() throws {
        try shareAClient()
        // Field by field: my phone, their address.
        var seq = try collide(mine: "phone=+254700000002 address=Bstreet", theirs: "phone=+254700000001 address=Astreet")
        let usage = try expect("resolve \(seq) email=mine", status: 2, home: other)
        XCTAssertTrue(usage.stderr.contains("my edit does not change 'email'; it changes address, phone"), usage.stderr)
        XCTAssertEqual(try expect("resolve \(seq) phone=mine address=theirs", home: other).stdout,
                       "outbox \(seq): kept mine for phone; queued as a new edit\n")
        try sync(home: other)
        try sync()
        var shown = try record("client show \(client)")
        XCTAssertEqual(shown["phone"], "+254700000002")
        XCTAssertEqual(shown["address"], "Astreet")

        // Mine: my edit goes over theirs.
        seq = try collide(mine: "email=mine@example.com", theirs: "email=theirs@example.com")
        XCTAssertEqual(try expect("resolve \(seq) mine", home: other).stdout, "outbox \(seq): keeping mine; queued again\n")
        try sync(home: other)
        try sync()
        XCTAssertEqual(try record("client show \(client)")["email"], "mine@example.com")

        // Theirs: my edit is dropped and the server's value stays.
        seq = try collide(mine: "address=Mine", theirs: "address=Theirs")
        XCTAssertEqual(try expect("resolve \(seq) theirs", home: other).stdout, "outbox \(seq): took theirs; dropped \(seq)\n")
        try sync(home: other)
        shown = try record("client show \(client)", home: other)
        XCTAssertEqual(shown["address"], "Theirs")
        XCTAssertEqual(shown["sync"], "up to date")

        let done = try expect("resolve \(seq) mine", status: 1, home: other)
        XCTAssertTrue(done.stderr.contains("no outbox entry \(seq)") || done.stderr.contains("only conflicts and failures"),
                      done.stderr)
    }
}
