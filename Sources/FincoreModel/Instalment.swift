/// One monthly instalment of a loan's `schedule` (contract § Loans, "The schedule").
public struct Instalment: Hashable, Sendable {
    public var dueDate: CivilDate
    public var principalDue: Int64
    public var interestDue: Int64
    /// Minor units paid towards this instalment so far, 0…`amountDue`.
    public var paid: Int64

    public init(dueDate: CivilDate, principalDue: Int64, interestDue: Int64, paid: Int64 = 0) {
        self.dueDate = dueDate
        self.principalDue = principalDue
        self.interestDue = interestDue
        self.paid = paid
    }

    /// `principal_due + interest_due`. The schedule builder checks this sum cannot overflow.
    public var amountDue: Int64 { principalDue &+ interestDue }

    /// What is still owed on this instalment.
    public var remaining: Int64 { amountDue &- paid }

    public var isPaid: Bool { paid >= amountDue }
}

extension Instalment: Codable {
    enum CodingKeys: String, CodingKey {
        case paid
        case dueDate = "due_date"
        case principalDue = "principal_due"
        case interestDue = "interest_due"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dueDate = try c.decode(CivilDate.self, forKey: .dueDate)
        principalDue = try c.decodeInteger(Int64.self, forKey: .principalDue)
        interestDue = try c.decodeInteger(Int64.self, forKey: .interestDue)
        paid = try c.decodeInteger(Int64.self, forKey: .paid)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(principalDue, forKey: .principalDue)
        try c.encode(interestDue, forKey: .interestDue)
        try c.encode(paid, forKey: .paid)
    }
}
