import FincoreModel
import Foundation
import XCTest
@testable import Replica

/// A writer killed with SIGKILL mid-stream loses no acknowledged edit and leaves a sound file.
///
/// The parent re-executes this test binary with `FINCORE_REPLICA_WRITER` naming a database;
/// in that mode `testWriterMode` takes edits forever and prints `ACK <seq>` after each returns.
final class CrashTests: XCTestCase {
    static let writerVariable = "FINCORE_REPLICA_WRITER"

    func testWriterMode() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.writerVariable] else { return }
        let replica = try Replica(path: path)
        var n = 0
        while true {
            n += 1
            let saved = try replica.createClient(NewClient(firstName: "Writer", lastName: "Client\(n)", phone: "+2547\(10_000_000 + n)"))
            FileHandle.standardOutput.write(Data("ACK \(saved.seq)\n".utf8))
        }
    }

    func testKilledWriterKeepsEveryAcknowledgedEdit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replica-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("replica.sqlite").path

        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["ReplicaTests.CrashTests/testWriterMode"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.writerVariable: database]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()

        var buffer = Data()
        var acknowledged: [Int64] = []
        let reader = output.fileHandleForReading
        while acknowledged.count < 40 {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            acknowledged = Self.acks(in: buffer)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        // Whatever the child printed before dying was acknowledged too.
        buffer.append(reader.readDataToEndOfFile())
        acknowledged = Self.acks(in: buffer)
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)
        XCTAssertGreaterThanOrEqual(acknowledged.count, 40)

        let replica = try Replica(path: database)
        XCTAssertEqual(try replica.integrityCheck(), ["ok"])
        let stored = Set(try replica.outbox.entries().map(\.seq))
        XCTAssertEqual(Set(acknowledged).subtracting(stored), [], "acknowledged edits missing from the outbox")
    }

    /// The sequence numbers of complete `ACK` lines.
    private static func acks(in data: Data) -> [Int64] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .compactMap { line in line.hasPrefix("ACK ") ? Int64(line.dropFirst(4)) : nil }
    }
}
