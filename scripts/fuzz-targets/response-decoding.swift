// Fuzz target: decoding a server's answer (objects, list pages, error bodies, webhook events).
// Any bytes must decode or fail with an error value; never trap.
import FincoreModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    _ = try? FincoreJSON.decode(SyncedObject.self, from: body)
    _ = try? FincoreJSON.decode(ListPage<Listed<Client>>.self, from: body)
    _ = try? FincoreJSON.decode(ListPage<Listed<Loan>>.self, from: body)
    _ = try? FincoreJSON.decode(APIErrorResponse.self, from: body)
    _ = try? FincoreJSON.decode(WebhookEvent.self, from: body)
    if let loan = try? FincoreJSON.decode(Loan.self, from: body) {
        // Whatever decodes must encode again.
        _ = try? FincoreJSON.encode(loan)
    }
    return 0
}
