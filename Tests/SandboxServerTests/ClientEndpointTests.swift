import XCTest

final class ClientEndpointTests: XCTestCase {
    func testCreateShowPatchDelete() async throws {
        let sandbox = try await SandboxHarness()
        let client = try await sandbox.makeClient()
        let id = try XCTUnwrap(client["id"] as? String)
        XCTAssertTrue(id.hasPrefix("cl_"))
        XCTAssertEqual(client["version"] as? Int, 1)
        XCTAssertTrue(client.keys.contains("email"), "unset fields are null, never absent")

        let shown = try await sandbox.call("GET", "clients/\(id)")
        XCTAssertEqual(shown.status, 200)
        XCTAssertEqual(shown.header("ETag"), "\"1\"")

        let patched = try await sandbox.call("PATCH", "clients/\(id)", json: ["last_name": "Wanjiru"],
                                             headers: ["If-Match": "\"1\""])
        XCTAssertEqual(patched.status, 200)
        XCTAssertEqual(patched.json["last_name"] as? String, "Wanjiru")
        XCTAssertEqual(patched.json["first_name"] as? String, "Amina")
        XCTAssertEqual(patched.json["version"] as? Int, 2)

        let stale = try await sandbox.call("PATCH", "clients/\(id)", json: ["first_name": "X"],
                                           headers: ["If-Match": "\"1\""])
        XCTAssertEqual(stale.status, 412)
        XCTAssertEqual(stale.errorCode, "version_conflict")
        let current = (stale.json["error"] as? [String: Any])?["current"] as? [String: Any]
        XCTAssertEqual(current?["version"] as? Int, 2)

        let deleted = try await sandbox.call("DELETE", "clients/\(id)")
        XCTAssertEqual(deleted.status, 204)
        let gone = try await sandbox.call("GET", "clients/\(id)")
        XCTAssertEqual(gone.status, 404)
        await sandbox.stop()
    }

    func testKYCVerifyNeedsPendingAndIdentity() async throws {
        let sandbox = try await SandboxHarness()
        let bare = try await sandbox.makeClient(["kyc": [:]])
        let missing = try await sandbox.call("POST", "clients/\(bare["id"] as? String ?? "")/kyc/verify")
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.errorFields, ["kyc.id_type", "kyc.id_number"])

        let verified = try await sandbox.makeClient(verified: true)
        XCTAssertEqual((verified["kyc"] as? [String: Any])?["status"] as? String, "verified")
        let again = try await sandbox.call("POST", "clients/\(verified["id"] as? String ?? "")/kyc/verify")
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(again.errorCode, "invalid_state")
        await sandbox.stop()
    }

    func testExternalIDIsUniqueAndAnswersWithTheExistingClient() async throws {
        let sandbox = try await SandboxHarness()
        let first = try await sandbox.makeClient(["external_id": "offline-1"])
        let second = try await sandbox.call("POST", "clients",
                                            json: ["first_name": "B", "last_name": "C", "external_id": "offline-1"])
        XCTAssertEqual(second.status, 409)
        XCTAssertEqual(second.errorCode, "external_id_taken")
        let current = (second.json["error"] as? [String: Any])?["current"] as? [String: Any]
        XCTAssertEqual(current?["id"] as? String, first["id"] as? String)
        let found = try await sandbox.call("GET", "clients?external_id=offline-1")
        XCTAssertEqual(found.data.count, 1)
        await sandbox.stop()
    }
}
