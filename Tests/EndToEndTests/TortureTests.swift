import Foundation
import XCTest

/// The CI variant of `scripts/torture`: a few seeded rounds of offline work from several agents under
/// random faults, kills and restarts, then the invariant checker; every figure must be 0.
///
/// `FINCORE_TORTURE_ROUNDS=N` runs N full-size rounds instead (a long run, minutes per round).
final class TortureTests: XCTestCase {
    /// A fixed seed, so a failure here replays with `scripts/torture --rounds 2 --quick --seed 9031`.
    static let seed = "9031"

    func testTortureRoundsKeepEveryInvariant() throws {
        let script = Self.packageRoot.appendingPathComponent("scripts/torture")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            return XCTFail("scripts/torture is missing or not executable at \(script.path)")
        }
        var arguments = [script.path, "--seed", Self.seed, "--fincore", FincoreProcess.binary.path]
        let environment = ProcessInfo.processInfo.environment
        if let rounds = environment["FINCORE_TORTURE_ROUNDS"], let count = Int(rounds), count > 0 {
            arguments += ["--rounds", String(count)]
        } else {
            arguments += ["--rounds", "2", "--quick"]
        }
        let result = try FincoreProcess.run(["python3"] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
        XCTAssertEqual(result.status, 0, "torture run failed:\n\(result.stdout)\n\(result.stderr)")
        XCTAssertTrue(result.stdout.hasPrefix("seed: \(Self.seed)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("every figure is 0"), result.stdout)
    }

    /// The package's root: this file lives in Tests/EndToEndTests/.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
