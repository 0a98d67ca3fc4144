import Foundation
import SandboxServer
import XCTest

final class FaultConfigurationTests: XCTestCase {
    func testParsesEveryKnob() throws {
        let spec = "latency_ms=5-50, error_503=0.2,error_500=0.1,drop_before_commit=0.05,"
            + "drop_after_commit=0.3,truncate_body=0.01,storm_429=0.02,commit_lag_s=10,writers=4"
        let config = try FaultConfiguration().applying(spec: spec)
        XCTAssertEqual(config.latencyMilliseconds, 5...50)
        XCTAssertEqual(config.error503, 0.2)
        XCTAssertEqual(config.error500, 0.1)
        XCTAssertEqual(config.dropBeforeCommit, 0.05)
        XCTAssertEqual(config.dropAfterCommit, 0.3)
        XCTAssertEqual(config.truncateBody, 0.01)
        XCTAssertEqual(config.storm429, 0.02)
        XCTAssertEqual(config.commitLagSeconds, 10)
        XCTAssertEqual(config.writers, 4)
        XCTAssertEqual(try FaultConfiguration().applying(spec: "latency_ms=7").latencyMilliseconds, 7...7)
        XCTAssertEqual(try FaultConfiguration().applying(spec: ""), FaultConfiguration())
    }

    func testParsesTheWebhookChaosKnobs() throws {
        let config = try FaultConfiguration().applying(spec: "webhook_duplicate=0.5,webhook_shuffle_ms=300,webhook_fail=0.25")
        XCTAssertEqual(config.webhookDuplicate, 0.5)
        XCTAssertEqual(config.webhookShuffleMilliseconds, 300)
        XCTAssertEqual(config.webhookFail, 0.25)
        XCTAssertEqual(config.dictionary["webhook_shuffle_ms"] as? Int, 300)
        for (spec, field) in [("webhook_duplicate=2", "webhook_duplicate"), ("webhook_shuffle_ms=-1", "webhook_shuffle_ms"),
                              ("webhook_shuffle_ms=60001", "webhook_shuffle_ms"), ("webhook_fail=x", "webhook_fail")] {
            XCTAssertThrowsError(try FaultConfiguration().applying(spec: spec), spec) { error in
                XCTAssertEqual((error as? FaultSpecError)?.field, field, spec)
            }
        }
    }

    func testRefusesBadValuesNamingTheKey() {
        let cases: [(String, String)] = [
            ("error_503=1.5", "error_503"), ("error_500=x", "error_500"), ("commit_lag_s=11", "commit_lag_s"),
            ("latency_ms=50-5", "latency_ms"), ("writers=-1", "writers"), ("bogus=1", "bogus"),
            ("error_503", "error_503"),
        ]
        for (spec, field) in cases {
            XCTAssertThrowsError(try FaultConfiguration().applying(spec: spec), spec) { error in
                XCTAssertEqual((error as? FaultSpecError)?.field, field, spec)
            }
        }
    }

    func testJSONUsesTheSameKeysAndMergesOntoTheCurrentSettings() throws {
        let base = try FaultConfiguration().applying(spec: "error_503=0.5")
        let json = Data(#"{"drop_after_commit": 0.25, "latency_ms": "1-2", "writers": 2}"#.utf8)
        let config = try base.applying(json: json)
        XCTAssertEqual(config.error503, 0.5)
        XCTAssertEqual(config.dropAfterCommit, 0.25)
        XCTAssertEqual(config.latencyMilliseconds, 1...2)
        XCTAssertEqual(config.writers, 2)
        XCTAssertThrowsError(try base.applying(json: Data("[1]".utf8)))
    }

    func testInjectorIsReproducibleForASeedAndCounts() {
        let config = (try? FaultConfiguration().applying(spec: "error_503=0.3,drop_after_commit=0.3")) ?? .init()
        let a = FaultInjector(configuration: config, seed: 42)
        let b = FaultInjector(configuration: config, seed: 42)
        let plansA = (0..<200).map { _ in a.plan() }
        let plansB = (0..<200).map { _ in b.plan() }
        XCTAssertEqual(plansA, plansB)
        let unavailable = plansA.filter { $0.before == .unavailable }.count
        let dropped = plansA.filter { $0.after == .dropConnection }.count
        XCTAssertTrue((30...90).contains(unavailable), "\(unavailable) of 200 at p=0.3")
        XCTAssertTrue((20...80).contains(dropped), "\(dropped)")
        XCTAssertEqual(a.injectedCounts["error_503"], unavailable)
        XCTAssertEqual(a.injectedCounts["drop_after_commit"], dropped)
    }

    func testNoFaultsByDefault() {
        let injector = FaultInjector()
        for _ in 0..<100 { XCTAssertEqual(injector.plan(), .none) }
        XCTAssertEqual(injector.commitLagMicroseconds(), 0)
    }
}
