// Fuzz target: the sandbox's HTTP request parser, fed whole and in two chunks; the two must agree.
import Foundation
import HTTP

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = parse([bytes])
    let split = size / 2
    let chunked = parse([Array(bytes[..<split]), Array(bytes[split...])])
    if whole != chunked { fatalError("whole and chunked parses disagree: \(whole) vs \(chunked)") }
    return 0
}

/// Each request's method and target, or the error, until the parser wants more bytes.
private func parse(_ chunks: [[UInt8]]) -> [String] {
    var parser = HTTPRequestParser(limits: .init())
    var seen: [String] = []
    for chunk in chunks {
        parser.append(chunk)
        while true {
            do {
                guard let request = try parser.nextRequest() else { break }
                seen.append("\(request.method.rawValue) \(request.target) \(request.body.count)")
            } catch {
                seen.append("error \(error.status.code)")
                return seen
            }
        }
    }
    return seen
}
