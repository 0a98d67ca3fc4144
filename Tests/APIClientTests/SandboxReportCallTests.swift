import APIClient
import FincoreModel
import XCTest

/// Reports against the sandbox (§ Reports): create, poll, stream the export, and their absence.
final class SandboxReportCallTests: XCTestCase {
    /// An export's NDJSON lines, read as they stream, are the list's objects: as many as its total.
    func testExportDownloadStreamsOneLinePerObject() async throws {
        let sandbox = try await SandboxFixture()
        for index in 0..<45 { _ = try await sandbox.makeBorrower("Client\(index)", branch: index % 3 == 0 ? "br_2" : "br_1") }
        let created = try await sandbox.api.createReport(NewReport(type: .export, params: ReportParams(resource: .clients)))
        let report = try XCTUnwrap(created.value)
        XCTAssertEqual(report.meta.status, 202)
        XCTAssertEqual(report.value.status, .pending)

        let completed = try await poll(sandbox.api, report.value.id)
        XCTAssertEqual(completed.status, .completed)
        XCTAssertEqual(completed.result?.url, "/v1/reports/\(report.value.id.rawValue)/download")
        XCTAssertNotNil(completed.result?.asOf)

        let download = try await sandbox.api.downloadReport(report.value.id)
        var ids: [ClientID] = []
        for try await client in try XCTUnwrap(download.value).decoded(as: Client.self) { ids.append(client.id) }
        let total = try await sandbox.api.listClients(ListQuery(limit: 1)).value.meta.total
        XCTAssertEqual(total, 45)
        XCTAssertEqual(ids.count, total)
        XCTAssertEqual(Set(ids).count, total)

        let scheduler = await sandbox.api.scheduler.snapshot(.reports)
        XCTAssertEqual(scheduler.limit, 10, "every report call counted against the reports bucket")
        await sandbox.stop()
    }

    /// A server without the optional feature answers 404: `.unavailable`, the flag set, no error.
    func testReportsOffAreUnavailableNotAnError() async throws {
        let sandbox = try await SandboxFixture { $0.optionalFeatures = false }
        let created = try await sandbox.api.createReport(NewReport(type: .portfolio))
        guard case .unavailable = created else { return XCTFail("expected .unavailable, got \(created)") }
        let available = await sandbox.api.features.isAvailable(.reports)
        XCTAssertFalse(available)
        let polled = try await sandbox.api.report(try XCTUnwrap(ReportID("rp_abc123")))
        XCTAssertNil(polled.value)
        let downloaded = try await sandbox.api.downloadReport(try XCTUnwrap(ReportID("rp_abc123")))
        XCTAssertNil(downloaded.value)
        let requests = try await sandbox.stats()["requests"] as? Int
        XCTAssertEqual(requests, 1, "once the server said no, the client stops asking")
        await sandbox.stop()
    }

    /// Polls `GET /v1/reports/{id}` until the report leaves `pending` (a few seconds at most).
    private func poll(_ api: APIClient, _ id: ReportID) async throws -> Report {
        for _ in 0..<50 {
            let answer = try await api.report(id)
            let report = try XCTUnwrap(answer.value).value
            if report.status != .pending { return report }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw XCTSkip("report \(id) still pending after 5 s")
    }
}
