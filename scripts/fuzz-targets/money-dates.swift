// Fuzz target: money, timestamp and date parsing. Whatever parses must print and parse back equal.
import FincoreModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for code in ["KES", "UGX", "KWD"] {
        guard let currency = try? Currency.parse(code, field: "currency"),
              let money = try? Money.parse(text, currency: currency, field: "amount") else { continue }
        let again = try? Money.parse(money.plainString, currency: currency, field: "amount")
        if again != money { fatalError("money round trip: \(text) -> \(money.plainString)") }
    }
    if let stamp = Timestamp(text), Timestamp(stamp.description) != stamp {
        fatalError("timestamp round trip: \(text) -> \(stamp)")
    }
    if let date = CivilDate(text), CivilDate(date.description) != date {
        fatalError("date round trip: \(text) -> \(date)")
    }
    return 0
}
