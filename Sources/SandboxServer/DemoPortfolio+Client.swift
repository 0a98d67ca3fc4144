import FincoreModel

/// The demo client: a plausible name, phone and address for its branch's country, and KYC in
/// the state its portfolio needs.
extension DemoPortfolio {
    static func makeClient(index: Int, branch: DemoBranch, kyc status: KYCStatus, createdAt: Timestamp,
                           using rng: inout SeededRandom) -> Client {
        let first = rng.pick(DemoNames.firstNames)
        let last = rng.pick(DemoNames.lastNames)
        var client = Client(
            id: .generate(using: &rng), createdAt: createdAt, updatedAt: createdAt, version: 1,
            firstName: first.text, lastName: last.text, branchID: branch.id,
            officerID: rng.pick(branch.officers))
        if rng.chance(0.25) {
            // Imported from the lender's CRM: external ids are unique per type by construction.
            client.externalID = "crm-\(index + 100_000)"
        }
        if rng.chance(0.95) {
            client.phone = branch.country.phonePrefix + rng.characters(8, from: SeededRandom.digits)
        }
        if rng.chance(0.45) {
            client.email = "\(first.ascii).\(last.ascii)\(rng.int(in: 1...99))@\(rng.pick(DemoNames.emailDomains))"
        }
        if rng.chance(0.7) {
            // Born 1960-01-01 … 2005-12-31.
            client.dateOfBirth = CivilDate(daysSinceEpoch: rng.int64(in: -3653...13148))
        }
        if rng.chance(0.6) {
            let streets = branch.country == .kenya ? DemoNames.kenyanStreets : DemoNames.ugandanStreets
            client.address = "\(rng.int(in: 1...250)) \(rng.pick(streets)), \(branch.town)"
        }
        if rng.chance(0.04) { client.status = .inactive }
        client.kyc = makeKYC(status, country: branch.country, using: &rng)
        if status != .pending {
            // Decided by the kyc/verify or kyc/reject action within a day of joining.
            let decidedAt = createdAt.adding(microseconds: rng.int64(in: DemoClock.hour...20 * DemoClock.hour))
            if status == .verified { client.kyc.verifiedAt = decidedAt }
            client.updatedAt = decidedAt
            client.version = 2
        }
        return client
    }

    /// KYC in `status`: verified and rejected clients have a document; most pending ones too.
    private static func makeKYC(_ status: KYCStatus, country: DemoCountry, using rng: inout SeededRandom) -> KYC {
        var kyc = KYC(status: status)
        guard status != .pending || rng.chance(0.7) else { return kyc }
        let type = rng.weighted([(IDType.nationalID, 80), (.passport, 12), (.driverLicense, 8)])
        kyc.idType = type
        switch (type, country) {
        case (.nationalID, .kenya): kyc.idNumber = rng.characters(8, from: SeededRandom.digits)
        case (.nationalID, .uganda):
            // Ugandan NINs: CM (male) or CF (female) and 12 letters and digits.
            kyc.idNumber = rng.pick(["CM", "CF"]) + rng.characters(12, from: SeededRandom.upperAlphanumerics)
        case (.passport, _): kyc.idNumber = rng.pick(["A", "B"]) + rng.characters(7, from: SeededRandom.digits)
        case (.driverLicense, _): kyc.idNumber = "DL" + rng.characters(7, from: SeededRandom.digits)
        }
        if status == .rejected { kyc.rejectionReason = rng.pick(DemoNames.kycRejections) }
        return kyc
    }
}
