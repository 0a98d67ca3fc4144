import APIClient
import FincoreModel
import XCTest

/// Clients and KYC through the client against the real sandbox (contract § Clients).
final class SandboxClientCallTests: XCTestCase {
    func testCreateGetPatchWithIfMatchAndDelete() async throws {
        let sandbox = try await SandboxFixture()
        let created = try await sandbox.api.createClient(
            NewClient(firstName: "Wanjiru", lastName: "Kamau", branchID: "br_7", kyc: SandboxFixture.kycDetails,
                      externalID: "field-1"))
        XCTAssertEqual(created.meta.status, 201)
        XCTAssertEqual(created.value.version, 1)
        XCTAssertEqual(created.value.externalID, "field-1")
        XCTAssertEqual(created.value.kyc.status, .pending)
        XCTAssertEqual(created.meta.rateLimit?.limit, 100)
        XCTAssertNotNil(created.meta.idempotencyKey)

        let fetched = try await sandbox.api.client(created.value.id)
        XCTAssertEqual(fetched.value, created.value)
        XCTAssertEqual(fetched.meta.version, 1)

        let patched = try await sandbox.api.updateClient(
            created.value.id, ClientPatch(phone: .value("+254700000001"), address: .value("Kisumu")),
            options: WriteOptions(ifMatch: 1))
        XCTAssertEqual(patched.value.version, 2)
        XCTAssertEqual(patched.value.phone, "+254700000001")
        XCTAssertEqual(patched.value.address, "Kisumu")
        XCTAssertEqual(patched.value.lastName, "Kamau", "only the keys sent change")

        let byExternal = try await sandbox.api.listClients(ListQuery(externalID: "field-1"))
        XCTAssertEqual(byExternal.value.data.compactMap(\.object?.id), [created.value.id])
        XCTAssertEqual(byExternal.value.meta.total, 1)

        let deleted = try await sandbox.api.deleteClient(created.value.id)
        XCTAssertEqual(deleted.status, 204)
        let gone = await expectAPIError { try await sandbox.api.client(created.value.id) }
        XCTAssertEqual(gone?.httpFailure?.knownCode, .notFound)
        await sandbox.stop()
    }

    func testVerifyAndRejectKYC() async throws {
        let sandbox = try await SandboxFixture()
        let first = try await sandbox.makeBorrower("One")
        let verified = try await sandbox.api.verifyKYC(first.id, options: WriteOptions(ifMatch: 1))
        XCTAssertEqual(verified.meta.status, 200)
        XCTAssertEqual(verified.value.kyc.status, .verified)
        XCTAssertNotNil(verified.value.kyc.verifiedAt)
        XCTAssertEqual(verified.value.version, 2)

        let second = try await sandbox.makeBorrower("Two")
        let rejected = try await sandbox.api.rejectKYC(second.id, reason: "document unreadable")
        XCTAssertEqual(rejected.value.kyc.status, .rejected)
        XCTAssertEqual(rejected.value.kyc.rejectionReason, "document unreadable")
        XCTAssertNil(rejected.value.kyc.verifiedAt)
        await sandbox.stop()
    }

    /// The same create sent twice under one key is answered once and replayed once.
    func testCreateIsReplayedUnderTheSameKey() async throws {
        let sandbox = try await SandboxFixture()
        let key = try XCTUnwrap(IdempotencyKey("outbox-7"))
        let new = NewClient(firstName: "Smoke", lastName: "Test", externalID: "smoke-1")
        let first = try await sandbox.api.createClient(new, options: WriteOptions(idempotencyKey: key))
        let second = try await sandbox.api.createClient(new, options: WriteOptions(idempotencyKey: key))
        XCTAssertEqual(first.value, second.value)
        XCTAssertFalse(first.meta.replayed)
        XCTAssertTrue(second.meta.replayed)
        XCTAssertEqual(second.meta.idempotencyKey, key)
        let page = try await sandbox.api.listClients()
        XCTAssertEqual(page.value.meta.total, 1)
        await sandbox.stop()
    }
}
