import Foundation
import SQLite
import XCTest

/// A fresh directory under the system temporary directory, removed by `tearDown`.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlite-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A test case with a temporary directory that is cleaned up after each test.
class TemporaryDirectoryTestCase: XCTestCase {
    private(set) var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory?.remove()
        directory = nil
    }

    /// A queue on a new file in the temporary directory.
    func makeFileQueue(
        _ name: String = "test.sqlite", configuration: Database.Configuration = .init()
    ) throws -> DatabaseQueue {
        try DatabaseQueue(path: directory.path(name), configuration: configuration)
    }
}

/// A queue on a private in-memory database.
func makeMemoryQueue() throws -> DatabaseQueue {
    try DatabaseQueue(path: ":memory:")
}

/// The error `body` throws, cast to `E`, failing the test when it throws nothing or another type.
func assertThrows<E: Error, T>(
    _ type: E.Type, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
) -> E? {
    do {
        _ = try body()
        XCTFail("expected \(E.self), nothing was thrown", file: file, line: line)
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self), got \(error)", file: file, line: line)
    }
    return nil
}

/// A file's permission bits, or nil when it does not exist.
func permissions(ofFile path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_mode) & 0o777
}

/// A file's size in bytes, or nil when it does not exist.
func size(ofFile path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
}
