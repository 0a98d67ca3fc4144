import FincoreModel

/// The few facts of a downloaded object that paging and scope need, whatever its type.
extension SyncedObject {
    /// `(id, updated_at, version)` for `PullPager`; nil for types that are not synced.
    var pagerItem: PullPager.Item? {
        switch self {
        case .client(let x): return PullPager.Item(id: x.id.rawValue, updatedAt: x.updatedAt, version: x.version)
        case .loan(let x): return PullPager.Item(id: x.id.rawValue, updatedAt: x.updatedAt, version: x.version)
        case .payment(let x): return PullPager.Item(id: x.id.rawValue, updatedAt: x.updatedAt, version: x.version)
        case .paymentLink(let x): return PullPager.Item(id: x.id.rawValue, updatedAt: x.updatedAt, version: x.version)
        case .tombstone(let x): return PullPager.Item(id: x.id, updatedAt: x.updatedAt, version: nil)
        case .webhook, .report: return nil
        }
    }

    /// The object's branch and officer; nil for a tombstone, which carries no fields.
    public var placement: (branchID: String?, officerID: String?)? {
        switch self {
        case .client(let x): return (x.branchID, x.officerID)
        case .loan(let x): return (x.branchID, x.officerID)
        case .payment(let x): return (x.branchID, x.officerID)
        case .paymentLink(let x): return (x.branchID, x.officerID)
        case .tombstone, .webhook, .report: return nil
        }
    }
}
