import FincoreModel
import Foundation
import HTTP
@testable import SandboxServer
import XCTest

final class WebhookTests: XCTestCase {
    static let clientEvents = ["client.created", "client.updated", "client.deleted"]

    func testSecretIsShownOnceAndVersionsGuardChanges() async throws {
        let sandbox = try await SandboxHarness()
        let created = try await sandbox.call("POST", "webhooks",
                                             json: ["url": "http://127.0.0.1:9/hook", "events": Self.clientEvents])
        XCTAssertEqual(created.status, 201, String(decoding: created.body, as: UTF8.self))
        XCTAssertEqual(created.header("ETag"), "\"1\"")
        let id = created.id
        XCTAssertTrue(id.hasPrefix("wh_"))
        let secret = try XCTUnwrap(created.json["secret"] as? String)
        XCTAssertTrue(secret.hasPrefix("whsec_"))
        XCTAssertEqual(secret.count, 38)
        XCTAssertEqual(created.json["object"] as? String, "webhook")
        XCTAssertEqual(created.json["status"] as? String, "enabled")
        XCTAssertEqual(created.json["events"] as? [String], Self.clientEvents)
        XCTAssertEqual(created.json["version"] as? Int, 1)

        let shown = try await sandbox.call("GET", "webhooks/\(id)")
        XCTAssertEqual(shown.status, 200)
        XCTAssertEqual(shown.header("ETag"), "\"1\"")
        XCTAssertTrue(shown.json["secret"] is NSNull, "secret is null everywhere but the create answer")
        XCTAssertFalse(String(decoding: shown.body, as: UTF8.self).contains(secret))

        let listed = try await sandbox.call("GET", "webhooks?limit=5")
        XCTAssertEqual(listed.data.map { $0["id"] as? String }, [id])
        XCTAssertTrue(listed.data.first?["secret"] is NSNull)
        XCTAssertEqual(listed.json["meta"] as? [String: Int], ["total": 1, "limit": 5, "offset": 0])

        let patched = try await sandbox.call("PATCH", "webhooks/\(id)", json: ["status": "disabled"],
                                             headers: ["If-Match": "\"1\""])
        XCTAssertEqual(patched.status, 200)
        XCTAssertEqual(patched.json["status"] as? String, "disabled")
        XCTAssertEqual(patched.json["url"] as? String, "http://127.0.0.1:9/hook")
        XCTAssertEqual(patched.json["version"] as? Int, 2)
        XCTAssertEqual(patched.header("ETag"), "\"2\"")
        XCTAssertTrue(patched.json["secret"] is NSNull)

        let stale = try await sandbox.call("PATCH", "webhooks/\(id)", json: ["status": "enabled"],
                                           headers: ["If-Match": "\"1\""])
        XCTAssertEqual(stale.status, 412)
        XCTAssertEqual(stale.errorCode, "version_conflict")
        let current = try XCTUnwrap((stale.json["error"] as? [String: Any])?["current"] as? [String: Any])
        XCTAssertEqual(current["version"] as? Int, 2)
        XCTAssertTrue(current["secret"] is NSNull)

        let staleDelete = try await sandbox.call("DELETE", "webhooks/\(id)", headers: ["If-Match": "\"1\""])
        XCTAssertEqual(staleDelete.status, 412)
        let deleted = try await sandbox.call("DELETE", "webhooks/\(id)", headers: ["If-Match": "\"2\""])
        XCTAssertEqual(deleted.status, 204)
        XCTAssertTrue(deleted.body.isEmpty)
        let gone = try await sandbox.call("GET", "webhooks/\(id)")
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(gone.errorCode, "not_found")
        let again = try await sandbox.call("DELETE", "webhooks/\(id)")
        XCTAssertEqual(again.status, 404)
        await sandbox.stop()
    }

    func testValidationNamesEachField() async throws {
        let sandbox = try await SandboxHarness()
        let badEvent = try await sandbox.call("POST", "webhooks", json: [
            "url": "http://127.0.0.1/hook", "events": ["client.created", "loan.exploded"]])
        XCTAssertEqual(badEvent.status, 400)
        XCTAssertEqual(badEvent.errorCode, "invalid_request")
        XCTAssertEqual(badEvent.errorFields, ["events[1]"])

        let badValues = try await sandbox.call("POST", "webhooks", json: ["url": "ftp://example.com/x", "events": []])
        XCTAssertEqual(badValues.errorFields, ["url", "events"])
        let missing = try await sandbox.call("POST", "webhooks", json: [:])
        XCTAssertEqual(missing.errorFields, ["url", "events"])
        let readOnly = try await sandbox.call("POST", "webhooks", json: [
            "url": "http://127.0.0.1/hook", "events": ["client.created"], "secret": "whsec_mine"])
        XCTAssertEqual(readOnly.errorFields, ["secret"])

        let created = try await sandbox.call("POST", "webhooks",
                                             json: ["url": "http://127.0.0.1/hook", "events": ["loan.created"]])
        let patchEvents = try await sandbox.call("PATCH", "webhooks/\(created.id)",
                                                 json: ["events": ["nope", "client.created", "x"]])
        XCTAssertEqual(patchEvents.errorFields, ["events[0]", "events[2]"])
        let patchStatus = try await sandbox.call("PATCH", "webhooks/\(created.id)", json: ["status": "paused"])
        XCTAssertEqual(patchStatus.errorFields, ["status"])
        let unchanged = try await sandbox.call("GET", "webhooks/\(created.id)")
        XCTAssertEqual(unchanged.json["version"] as? Int, 1)
        await sandbox.stop()
    }

    func testClientLifecycleArrivesSignedAndInOrder() async throws {
        let sandbox = try await SandboxHarness()
        let receiver = try await WebhookReceiver()
        let hook = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": Self.clientEvents])
        let secret = try XCTUnwrap(hook.json["secret"] as? String)

        let client = try await sandbox.makeClient()
        let id = try XCTUnwrap(client["id"] as? String)
        let patched = try await sandbox.call("PATCH", "clients/\(id)", json: ["last_name": "Wanjiru"])
        XCTAssertEqual(patched.status, 200)
        let deleted = try await sandbox.call("DELETE", "clients/\(id)")
        XCTAssertEqual(deleted.status, 204)

        let received = try await receiver.waitFor(3)
        XCTAssertEqual(received.map(\.type), Self.clientEvents)
        for delivery in received {
            let verified = WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: secret)
            guard case .success = verified else { return XCTFail("signature refused: \(verified)") }
            XCTAssertEqual(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "whsec_other"),
                           .failure(.signatureMismatch))
            XCTAssertTrue(delivery.eventID.hasPrefix("ev_"))
            XCTAssertEqual(delivery.object["id"] as? String, id)
            XCTAssertNotNil(Timestamp(delivery.json["created_at"] as? String ?? ""))
        }
        XCTAssertEqual(Set(received.map(\.eventID)).count, 3)
        XCTAssertEqual(received[0].object["version"] as? Int, 1)
        XCTAssertEqual(received[1].object["last_name"] as? String, "Wanjiru")
        XCTAssertEqual(received[2].object["deleted"] as? Bool, true)
        // The model reads every delivery as the contract's event.
        let event = try FincoreJSON.decoder().decode(WebhookEvent.self, from: received[1].body)
        XCTAssertEqual(event.type, .clientUpdated)
        XCTAssertEqual(event.object.id, id)

        let records = try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }
        XCTAssertEqual(records.map(\.status), [.delivered, .delivered, .delivered])
        XCTAssertEqual(records.map(\.attempts), [1, 1, 1])
        XCTAssertEqual(records.map(\.eventID), received.map(\.eventID))
        await sandbox.stop()
        await receiver.stop()
    }

    func testFailedDeliveryIsRetriedUntilItSucceeds() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.retryPolicy = .init(baseDelay: 0.05, maxDelay: 0.2)
        let receiver = try await WebhookReceiver(answers: [500, 500])
        let hook = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        _ = try await sandbox.makeClient()

        let received = try await receiver.waitFor(3)
        XCTAssertEqual(received.count, 3)
        XCTAssertEqual(Set(received.map(\.eventID)).count, 1, "every attempt carries the same event id")
        let settled = try await eventually {
            try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }.first?.status == .delivered
        }
        XCTAssertTrue(settled)
        let record = try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }.first
        XCTAssertEqual(record?.attempts, 3)
        XCTAssertEqual(record?.statusCode, 200)
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertEqual(receiver.received.count, 3, "nothing more after a 2xx")
        await sandbox.stop()
        await receiver.stop()
    }

    func testDeliveryGivesUpAfterTheLastAttempt() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.retryPolicy = .init(baseDelay: 0.02, maxDelay: 0.05, maxAttempts: 3)
        let receiver = try await WebhookReceiver(answers: Array(repeating: 503, count: 10))
        let hook = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        _ = try await sandbox.makeClient()
        let failed = try await eventually {
            try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }.first?.status == .failed
        }
        XCTAssertTrue(failed)
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(receiver.received.count, 3)
        let record = try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }.first
        XCTAssertEqual(record?.attempts, 3)
        XCTAssertEqual(record?.statusCode, 503)
        await sandbox.stop()
        await receiver.stop()
    }

    func testOnlyEnabledSubscribedLoopbackEndpointsReceive() async throws {
        let sandbox = try await SandboxHarness()
        let sentinel = try await WebhookReceiver()
        let disabled = try await WebhookReceiver()
        let unsubscribed = try await WebhookReceiver()
        _ = try await sandbox.call("POST", "webhooks", json: ["url": sentinel.url, "events": ["client.created"]])
        let off = try await sandbox.call("POST", "webhooks", json: ["url": disabled.url, "events": ["client.created"]])
        let patched = try await sandbox.call("PATCH", "webhooks/\(off.id)", json: ["status": "disabled"])
        XCTAssertEqual(patched.status, 200)
        _ = try await sandbox.call("POST", "webhooks", json: ["url": unsubscribed.url, "events": ["loan.created"]])
        let remote = try await sandbox.call("POST", "webhooks",
                                            json: ["url": "https://hooks.example.com/in", "events": ["client.created"]])
        XCTAssertEqual(remote.status, 201, "any http(s) URL is accepted; the sandbox only delivers to loopback")

        _ = try await sandbox.makeClient()
        let arrived = try await sentinel.waitFor(1)
        XCTAssertEqual(arrived.map(\.type), ["client.created"])
        let skipped = try await eventually {
            try await sandbox.server.store.read { try $0.deliveries(webhookID: remote.id) }.map(\.status) == [.skipped]
        }
        XCTAssertTrue(skipped)
        XCTAssertEqual(disabled.received.count, 0)
        XCTAssertEqual(unsubscribed.received.count, 0)
        let offRecords = try await sandbox.server.store.read { try $0.deliveries(webhookID: off.id) }
        XCTAssertTrue(offRecords.isEmpty)
        for receiver in [sentinel, disabled, unsubscribed] { await receiver.stop() }
        await sandbox.stop()
    }

    func testChaosCanDuplicateDeliveries() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.chaos = .init(duplicate: 1)
        let receiver = try await WebhookReceiver()
        _ = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        _ = try await sandbox.makeClient()
        let received = try await receiver.waitFor(2)
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(received[0].eventID, received[1].eventID)
        XCTAssertEqual(received[0].body, received[1].body)
        await sandbox.stop()
        await receiver.stop()
    }

    func testChaosShuffleStillDeliversEveryEventOnce() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.chaos = .init(shuffle: true, maxJitter: 0.05)
        let receiver = try await WebhookReceiver()
        _ = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        var ids: Set<String> = []
        for _ in 0..<5 { ids.insert(try await sandbox.makeClient()["id"] as? String ?? "") }
        let received = try await receiver.waitFor(5)
        XCTAssertEqual(Set(received.map { $0.object["id"] as? String ?? "" }), ids)
        XCTAssertEqual(Set(received.map(\.eventID)).count, 5)
        await sandbox.stop()
        await receiver.stop()
    }

    func testChaosFailureIsRetriedUntilDelivered() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.retryPolicy = .init(baseDelay: 0.02, maxDelay: 0.05, maxAttempts: 40)
        var faults = FaultConfiguration()
        faults.webhookFail = 0.7
        sandbox.server.dispatcher.chaos = .init(faults)
        let receiver = try await WebhookReceiver()
        let hook = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        for _ in 0..<6 { _ = try await sandbox.makeClient() }
        let settled = try await eventually {
            try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }
                .allSatisfy { $0.status == .delivered } && receiver.received.count == 6
        }
        XCTAssertTrue(settled)
        let records = try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }
        XCTAssertEqual(records.count, 6)
        XCTAssertGreaterThan(records.map(\.attempts).reduce(0, +), 6, "some attempts failed and were retried")
        XCTAssertEqual(Set(receiver.received.map(\.eventID)).count, 6, "a lost attempt is never sent")
        await sandbox.stop()
        await receiver.stop()
    }

    func testDisablingAnEndpointStopsItsRetries() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.retryPolicy = .init(baseDelay: 0.5)
        let receiver = try await WebhookReceiver(answers: Array(repeating: 500, count: 10))
        let hook = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        _ = try await sandbox.makeClient()
        _ = try await receiver.waitFor(1)
        let disabled = try await sandbox.call("PATCH", "webhooks/\(hook.id)", json: ["status": "disabled"])
        XCTAssertEqual(disabled.status, 200)
        let canceled = try await eventually {
            try await sandbox.server.store.read { try $0.deliveries(webhookID: hook.id) }.first?.status == .canceled
        }
        XCTAssertTrue(canceled)
        XCTAssertEqual(receiver.received.count, 1)
        await sandbox.stop()
        await receiver.stop()
    }

    func testStopCancelsPendingRetries() async throws {
        let sandbox = try await SandboxHarness()
        sandbox.server.dispatcher.retryPolicy = .init(baseDelay: 30)
        let receiver = try await WebhookReceiver(answers: [500])
        _ = try await sandbox.call("POST", "webhooks", json: ["url": receiver.url, "events": ["client.created"]])
        _ = try await sandbox.makeClient()
        _ = try await receiver.waitFor(1)
        let started = Date()
        await sandbox.stop()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a retry 30 s away must not hold up stop()")
        XCTAssertEqual(receiver.received.count, 1)
        await receiver.stop()
    }

    func testLoopbackHosts() {
        for url in ["http://127.0.0.1:8080/x", "http://127.3.4.5/", "http://localhost/h", "https://LOCALHOST:1/",
                    "http://[::1]:9000/hook"] {
            XCTAssertTrue(LoopbackHost.accepts(url), url)
        }
        for url in ["http://128.0.0.1/", "http://127.0.0.1.example.com/", "https://example.com/",
                    "http://10.0.0.1/", "http://[::2]/", "not a url"] {
            XCTAssertFalse(LoopbackHost.accepts(url), url)
        }
    }

    func testBackoffDoublesUpToTheCap() {
        let policy = WebhookDispatcher.RetryPolicy(baseDelay: 0.5, multiplier: 2, maxDelay: 30, maxAttempts: 8)
        XCTAssertEqual((2...8).map { policy.delay(before: $0) }, [0.5, 1, 2, 4, 8, 16, 30])
    }
}
