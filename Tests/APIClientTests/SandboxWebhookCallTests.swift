import APIClient
import FincoreModel
import XCTest

/// Webhook endpoints through the client against the sandbox (§ Webhooks).
final class SandboxWebhookCallTests: XCTestCase {
    func testCreateGetListPatchDelete() async throws {
        let sandbox = try await SandboxFixture()
        let created = try await sandbox.api.createWebhook(
            NewWebhook(url: "http://127.0.0.1:9/hooks", events: [.loanUpdated, .paymentCreated]))
        XCTAssertEqual(created.meta.status, 201)
        XCTAssertEqual(created.value.status, .enabled)
        XCTAssertNotNil(created.value.secret, "shown once, on create")

        let fetched = try await sandbox.api.webhook(created.value.id)
        XCTAssertNil(fetched.value.secret)
        XCTAssertEqual(fetched.value.events, [.loanUpdated, .paymentCreated])
        XCTAssertEqual(fetched.meta.version, 1)

        let listed = try await sandbox.api.listWebhooks()
        XCTAssertEqual(listed.value.data.map(\.id), [created.value.id])
        XCTAssertEqual(listed.value.meta.total, 1)

        let patched = try await sandbox.api.updateWebhook(
            created.value.id, WebhookPatch(events: [.clientCreated], status: .disabled), options: WriteOptions(ifMatch: 1))
        XCTAssertEqual(patched.value.status, .disabled)
        XCTAssertEqual(patched.value.events, [.clientCreated])
        XCTAssertEqual(patched.value.version, 2)

        let deleteStatus = try await sandbox.api.deleteWebhook(created.value.id).status
        XCTAssertEqual(deleteStatus, 204)
        let gone = await expectAPIError { try await sandbox.api.webhook(created.value.id) }
        XCTAssertEqual(gone?.httpFailure?.knownCode, .notFound)
        await sandbox.stop()
    }
}
