import Console
import Foundation
import XCTest

final class StreamSourceTests: XCTestCase {
    private func lines(_ bytes: [UInt8], limit: Int = StreamSource.defaultMaximumLineLength) throws -> [String] {
        let source = StreamSource(bytes: bytes, name: "t.fc", maximumLineLength: limit)
        var result: [String] = []
        while let line = try source.nextLine() { result.append(line.text) }
        return result
    }

    func testCRLFMissingFinalNewlineAndBOM() throws {
        XCTAssertEqual(try lines(Array("\u{FEFF}sync\r\nloan list\r\n\r\nlast".utf8)), ["sync", "loan list", "", "last"])
        XCTAssertEqual(try lines(Array("one\n".utf8)), ["one"])
        XCTAssertEqual(try lines([]), [])
    }

    func testLineNumbersAndName() throws {
        let source = StreamSource(text: "a\nb\n", name: "-c")
        XCTAssertEqual(try source.nextLine(), SourceLine("a", at: SourceLocation(name: "-c", line: 1)))
        XCTAssertEqual(try source.nextLine()?.location.description, "-c:2")
        XCTAssertNil(try source.nextLine())
    }

    func testInvalidUTF8NamesItsLine() throws {
        let source = StreamSource(bytes: Array("ok\n".utf8) + [0x6E, 0xC3, 0x28, 0x0A] + Array("after\n".utf8), name: "bad.fc")
        XCTAssertEqual(try source.nextLine()?.text, "ok")
        XCTAssertThrowsError(try source.nextLine()) { error in
            XCTAssertEqual(error as? LineSourceError, .invalidUTF8(SourceLocation(name: "bad.fc", line: 2)))
        }
        XCTAssertNil(try source.nextLine(), "a failed source stays ended")
    }

    func testLineOverOneMebibyteIsRefused() throws {
        let limit = StreamSource.defaultMaximumLineLength
        XCTAssertEqual(try lines(Array(repeating: 0x61, count: limit) + [0x0D, 0x0A]).first?.count, limit)
        XCTAssertThrowsError(try lines(Array("x\n".utf8) + Array(repeating: 0x61, count: limit + 1))) { error in
            XCTAssertEqual(error as? LineSourceError, .lineTooLong(SourceLocation(name: "t.fc", line: 2), limit: limit))
            XCTAssertEqual((error as? LineSourceError)?.message, "line longer than 1048576 bytes")
        }
    }

    func testReadsAFileInChunksAndRefusesALongLineWithoutReadingItAll() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("s.fc").path
        let long = String(repeating: "é", count: 70_000)   // 140 000 bytes: crosses chunk boundaries
        try Data("sync\n\(long)\nlast".utf8).write(to: URL(fileURLWithPath: script))
        let source = try StreamSource(path: script)
        XCTAssertEqual(try source.nextLine()?.text, "sync")
        XCTAssertEqual(try source.nextLine()?.text, long)
        XCTAssertEqual(try source.nextLine(), SourceLine("last", at: SourceLocation(name: script, line: 3)))

        let huge = directory.appendingPathComponent("huge.fc").path
        try Data(repeating: 0x61, count: 3 << 20).write(to: URL(fileURLWithPath: huge))
        XCTAssertThrowsError(try StreamSource(path: huge).nextLine()) { error in
            XCTAssertEqual(error as? LineSourceError, .lineTooLong(SourceLocation(name: huge, line: 1), limit: 1 << 20))
        }
        XCTAssertThrowsError(try StreamSource(path: directory.appendingPathComponent("nope.fc").path)) { error in
            XCTAssertEqual((error as? LineSourceError)?.message, "cannot open '\(directory.path)/nope.fc': no such file")
        }
    }
}
