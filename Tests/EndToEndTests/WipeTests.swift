import Foundation
import XCTest

/// `fincore wipe` (issue 6): refused while edits are unpushed, forced with `--force`, and plain
/// deletion when nothing is pending.
final class WipeTests: XCTestCase {
    var fixture: AgentFixture!

    override func setUpWithError() throws {
        fixture = try AgentFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    /// The one replica directory under `$FINCORE_HOME/replicas`.
    private func replicaDirectory() throws -> String {
        let replicas = fixture.home + "/replicas"
        let names = try FileManager.default.contentsOfDirectory(atPath: replicas)
        XCTAssertEqual(names.count, 1, "\(names)")
        return replicas + "/" + (names.first ?? "")
    }

    func testWipeRefusesWithUnpushedEditsUnlessForced() throws {
        let edits = try fixture.script("client add first_name=Wipe last_name=Me; client add first_name=Keep last_name=Me")
        XCTAssertEqual(edits.status, 0, edits.stderr)
        let directory = try replicaDirectory()

        let refused = try fixture.run(["wipe"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("fincore wipe: error: the replica holds 2 unpushed edits that would be lost"),
                      refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/replica.sqlite"), "nothing was deleted")
        XCTAssertEqual(try fixture.pendingCount(), 2)

        let forced = try fixture.run(["wipe", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stderr, "wiped \(directory); 2 unpushed edits discarded\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory))
        XCTAssertEqual(try fixture.pendingCount(), 0, "a fresh replica starts empty")
    }

    func testWipeWithNothingPendingDeletes() throws {
        let synced = try fixture.script("client add first_name=Sent last_name=Away; sync")
        XCTAssertEqual(synced.status, 0, synced.stderr)
        let directory = try replicaDirectory()
        let wiped = try fixture.run(["wipe"])
        XCTAssertEqual(wiped.status, 0, wiped.stderr)
        XCTAssertEqual(wiped.stderr, "wiped \(directory)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory))

        let again = try fixture.run(["wipe"])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "nothing to wipe at \(directory)\n")
        // The server still has the client: a sync brings it back into a new replica.
        let back = try fixture.script("sync; client find Sent")
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertTrue(back.stdout.contains("Sent Away"), back.stdout)
    }
}
