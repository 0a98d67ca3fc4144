import Foundation
import FincoreModel

/// NDJSON lines decoded one at a time as `T`.
public struct DecodedLines<T: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = T

    let lines: NDJSONLines
    let request: String

    public struct AsyncIterator: AsyncIteratorProtocol {
        var lines: NDJSONLines.AsyncIterator
        let request: String
        var number = 0

        public mutating func next() async throws -> T? {
            guard let line = try await lines.next() else { return nil }
            number += 1
            let value: T
            do {
                value = try FincoreJSON.decoder().decode(T.self, from: line)
            } catch {
                let field = (error as? DecodingError).map { FincoreJSON.fieldError(from: $0) }
                let place = field.map { $0.field.isEmpty ? "line \(number)" : "line \(number): \($0.field)" }
                    ?? "line \(number)"
                throw APIError.malformed(MalformedResponse(
                    status: 200, problem: .unexpectedShape(field: place, message: field?.message ?? "not JSON"),
                    byteCount: line.count, request: request))
            }
            if let checked = value as? any ServerChecked, let problem = checked.implausibleField() {
                throw APIError.malformed(MalformedResponse(
                    status: 200, problem: .unexpectedShape(field: "line \(number): \(problem.field)", message: problem.message),
                    byteCount: line.count, request: request))
            }
            return value
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lines: lines.makeAsyncIterator(), request: request)
    }
}
