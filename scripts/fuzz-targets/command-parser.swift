// Fuzz target: the REPL's command line tokenizer and key=value arguments.
import Console
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let commands = try? CommandLineTokenizer.commands(line) else { return 0 }
    for words in commands {
        _ = try? CommandArguments(words)
    }
    return 0
}
