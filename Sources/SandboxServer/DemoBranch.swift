import FincoreModel

/// A branch of the demo lender: its id, town, country and the officers who work there.
///
/// Kenyan branches lend in KES to `+2547…` phones, Ugandan ones in UGX to `+2567…`, so most demo
/// money is KES with some UGX.
struct DemoBranch: Sendable {
    let id: String
    let town: String
    let country: DemoCountry
    /// Relative share of clients.
    let weight: Int

    /// `of_<town>_1` … `of_<town>_4`.
    let officers: [String]

    static let officersPerBranch = 4

    init(id: String, town: String, country: DemoCountry, weight: Int) {
        self.id = id
        self.town = town
        self.country = country
        self.weight = weight
        officers = (1...Self.officersPerBranch).map { "of_\(id.dropFirst(3))_\($0)" }
    }

    /// The branches, a closed table.
    static let all: [DemoBranch] = [
        DemoBranch(id: "br_nairobi", town: "Nairobi", country: .kenya, weight: 35),
        DemoBranch(id: "br_mombasa", town: "Mombasa", country: .kenya, weight: 20),
        DemoBranch(id: "br_kisumu", town: "Kisumu", country: .kenya, weight: 15),
        DemoBranch(id: "br_kampala", town: "Kampala", country: .uganda, weight: 20),
        DemoBranch(id: "br_gulu", town: "Gulu", country: .uganda, weight: 10),
    ]

    static let weighted: [(DemoBranch, Int)] = all.map { ($0, $0.weight) }

    /// The other branches of the same country (a client moves within its country's currency).
    var neighbours: [DemoBranch] {
        Self.all.filter { $0.country == country && $0.id != id }
    }
}

/// A country of the demo lender: currency, phone prefix and how loans there are sized.
enum DemoCountry: Sendable {
    case kenya
    case uganda

    var currency: Currency { self == .kenya ? .kes : .ugx }

    /// E.164 mobile prefix: Safaricom/Airtel Kenya `+2547`, MTN/Airtel Uganda `+2567`.
    var phonePrefix: String { self == .kenya ? "+2547" : "+2567" }

    /// Principals are multiples of this (minor units): KES 500.00, UGX 25,000.
    var principalStep: Int64 { self == .kenya ? 50_000 : 25_000 }

    /// Principal range in steps: KES 5,000–300,000; UGX 250,000–10,000,000.
    var principalSteps: ClosedRange<Int64> { self == .kenya ? 10...600 : 10...400 }
}
