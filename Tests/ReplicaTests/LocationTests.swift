import FincoreModel
import Foundation
import XCTest
@testable import Replica

/// Where replicas live, their modes, and wiping one.
final class LocationTests: ReplicaTestCase {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testBaseDirectoryFollowsFincoreHomeThenXDGThenHome() throws {
        XCTAssertEqual(try ReplicaLocation.baseDirectory(environment: ["FINCORE_HOME": "/f", "XDG_DATA_HOME": "/x", "HOME": "/h"]), "/f")
        XCTAssertEqual(try ReplicaLocation.baseDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]), "/x/fincore")
        XCTAssertEqual(try ReplicaLocation.baseDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]),
                       "/h/.local/share/fincore")
        XCTAssertEqual(refusal { try ReplicaLocation.baseDirectory(environment: [:]) }?.code, .location)
    }

    func testDirectoryNameIsAHashNeverTheKey() throws {
        let key = "sk_live_SUPERSECRET123"
        let fingerprint = ReplicaLocation.fingerprint(ofKey: key)
        let location = try ReplicaLocation(serverURL: "https://api.fincore.com/v1/", keyFingerprint: fingerprint,
                                           environment: ["FINCORE_HOME": path("home")])
        XCTAssertFalse(location.directory.contains(key))
        XCTAssertFalse(location.directory.contains(fingerprint))
        XCTAssertFalse(location.directory.contains("fincore.com"))
        let name = (location.directory as NSString).lastPathComponent
        XCTAssertEqual(name.count, 32)
        // Same server (trailing slash and case aside) and key: same replica; another key: another.
        XCTAssertEqual(name, ReplicaLocation.directoryName(serverURL: "HTTPS://api.fincore.com/v1", keyFingerprint: fingerprint))
        XCTAssertNotEqual(name, ReplicaLocation.directoryName(serverURL: "https://api.fincore.com/v1",
                                                              keyFingerprint: ReplicaLocation.fingerprint(ofKey: "other")))
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testDirectoryIs0700AndFilesAre0600() throws {
        let location = try ReplicaLocation(serverURL: "https://sandbox.local", keyFingerprint: "abc",
                                           environment: ["FINCORE_HOME": path("home")])
        let opened = try Replica(location: location)
        try opened.apply(.client(Fixture.client(1)))
        XCTAssertEqual(try mode(location.directory), 0o700)
        XCTAssertEqual(try mode((location.directory as NSString).deletingLastPathComponent), 0o700)
        for suffix in ["", "-wal", "-shm"] {
            XCTAssertEqual(try mode(location.databasePath + suffix), 0o600, suffix)
        }
    }

    func testWipeRefusesWhileEditsAreUnpushedUnlessForced() throws {
        let location = ReplicaLocation(directory: path("wipe-me"))
        do {
            let opened = try Replica(location: location)
            try opened.apply(.client(Fixture.client(1)))
            _ = try opened.editClient(Fixture.clientID(1), ClientPatch(lastName: "A"))
            _ = try opened.createClient(NewClient(firstName: "B", lastName: "C"))
        }
        let error = refusal { try location.wipe() }
        XCTAssertEqual(error?.code, .unpushedEdits)
        XCTAssertEqual(error?.message, "the replica holds 2 unpushed edits that would be lost; sync first, or wipe with force")
        XCTAssertTrue(location.exists)
        XCTAssertEqual(try location.wipe(force: true), 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: location.directory))
    }
}
