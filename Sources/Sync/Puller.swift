import APIClient
import FincoreModel
import Replica

/// The incremental pull driver: pages one resource with `PullPager` and applies each page.
///
/// Listings use `sort=updated_at`, `updated_since`, `include_deleted=true` and `limit=100`
/// (contract § Incremental listing). Each page is applied in one transaction (`apply(batch:)`,
/// whose version rule makes a re-read page harmless), then the pager is checkpointed, so a
/// pull killed between pages resumes at the page it was on.
///
/// Scope: loans and payments are listed with the scope's `branch_id`/`officer_id` filter (a
/// loan moving into scope gets a new `updated_at` with its client's move, so the filtered
/// listing shows it). A filtered listing cannot show a client moving *out* of the filter, so
/// clients are listed without it: clients in scope are stored, clients out of scope are
/// stored only if the replica has them (so their pending edits still have server state) and
/// are then purged by `ScopeSweep` once nothing of theirs waits in the outbox. The price is
/// that an officer's pull reads every changed client of the company (not stored); the
/// alternative, a second listing per branch/officer, cannot see moves at all. Payment links
/// have no scope filter in the contract, so they are listed whole and kept by their own
/// `branch_id`/`officer_id`.
struct Puller: Sendable {
    let client: APIClient
    let replica: Replica
    let scope: SyncScope

    /// Pulls `resource` from its cursor (or from a checkpointed pull under way) to the end.
    func pull(_ resource: SyncResource, meter: SyncMeter) async throws -> SyncSummary {
        var state = PullState.load(resource, from: try replica.cursor(for: resource.cursorName))
        var pager: PullPager
        // This run's elapsed time since the pull's first request (see `PullState.origin`): from
        // its own start for a new pull; for a resumed one from the stored boot-time reading,
        // when it is of this boot. Otherwise the stored origin stands: it already bounds what
        // was committed while no process ran. The laptop's wall clock is never read, so a clock
        // hours off, or corrected between runs, changes nothing.
        let base: Int64?
        if let resumed = state.pager {
            pager = resumed
            if state.origin == nil { state.origin = state.cursor.since }  // a checkpoint from an older build
            base = state.started?.microsecondsUntilNow() ?? (state.origin == nil ? 0 : nil)
        } else {
            pager = PullPager(cursor: state.cursor)
            state.origin = nil
            state.started = BootInstant.now()
            base = 0
        }
        let runStart = ContinuousClock.now
        var summary = SyncSummary()
        var total: Int?
        var seen = 0
        while let request = pager.nextRequest {
            try Task.checkCancellation()
            let (objects, pageTotal) = try await page(resource, request)
            total = total ?? pageTotal
            let fresh = Set(pager.receive(objects.compactMap(\.pagerItem)).map(\.key))
            let chosen = try select(objects.filter { $0.pagerItem.map { fresh.contains($0.key) } ?? false })
            let report = try replica.apply(batch: chosen)
            summary.pulled += report.stored
            summary.deleted += report.deleted
            seen += objects.count
            state.pager = pager
            if let base {
                state.origin = Self.origin(state.origin, newest: [state.cursor.updatedAt, pager.newestUpdatedAt],
                                           elapsed: base + SyncMeter.microseconds(ContinuousClock.now - runStart))
            }
            try replica.saveCursor(state.row(resource))
            await meter.report(.pull, resource, done: seen, total: total.map { max($0, seen) })
        }
        if pager.isStalled {
            throw PullStalled(resource: resource.cursorName, updatedSince: pager.since, offset: pager.offset,
                              repeatedPages: pager.repeatedPages)
        }
        // `meta.total` is the server's word and may be wrong (it counts at the first page, or
        // lies): once the pull is over, what was read is the total.
        await meter.report(.pull, resource, done: seen, total: seen)
        state.cursor = pager.finishedCursor(from: state.cursor, origin: state.origin)
        state.pager = nil
        state.origin = nil
        state.started = nil
        state.initialized = true
        try replica.saveCursor(state.row(resource))
        return summary
    }

    /// The pull's origin after a page: the greatest of the old bound and `newest − elapsed`.
    ///
    /// Why it bounds the server time R₁ of the first request from below: every `updated_at` we
    /// have seen was stamped before the server answered the page that held it (lag only makes
    /// it earlier), so the newest is ≤ the server time Rₖ of page k, and Rₖ − R₁ ≤ `elapsed`,
    /// measured on this process's monotonic clock from before the first request was sent.
    static func origin(_ old: Timestamp?, newest: [Timestamp?], elapsed: Int64) -> Timestamp? {
        guard let top = newest.compactMap({ $0 }).max() else { return old }
        let bound = top.adding(microseconds: -max(0, elapsed))
        return old.map { max($0, bound) } ?? bound
    }

    /// One page of `resource` as synced objects, with the listing's `meta.total`.
    func page(_ resource: SyncResource, _ request: PullPager.Request) async throws -> ([SyncedObject], Int) {
        let query = ListQuery(limit: request.limit, offset: request.offset, sortByUpdatedAt: true,
                              updatedSince: request.updatedSince, includeDeleted: true)
        switch resource {
        case .clients:
            let page = try await client.listClients(query, priority: .background).value
            return (page.data.map { Self.synced($0, SyncedObject.client) }, page.meta.total)
        case .loans:
            let filter = LoanFilter(branchID: scope.branchID, officerID: scope.officerID)
            let page = try await client.listLoans(query, filter: filter, priority: .background).value
            return (page.data.map { Self.synced($0, SyncedObject.loan) }, page.meta.total)
        case .payments:
            let filter = PaymentFilter(branchID: scope.branchID, officerID: scope.officerID)
            let page = try await client.listPayments(query, filter: filter, priority: .background).value
            return (page.data.map { Self.synced($0, SyncedObject.payment) }, page.meta.total)
        case .paymentLinks:
            let page = try await client.listPaymentLinks(query, priority: .background).value
            return (page.data.map { Self.synced($0, SyncedObject.paymentLink) }, page.meta.total)
        }
    }

    private static func synced<T>(_ item: Listed<T>, _ wrap: (T) -> SyncedObject) -> SyncedObject {
        switch item {
        case .object(let object): return wrap(object)
        case .tombstone(let tombstone): return .tombstone(tombstone)
        }
    }

    /// The objects this replica keeps: in scope, or already stored (an update of something it
    /// has), and every tombstone: the replica ignores one of an object it never had but remembers
    /// the id, so a late webhook event cannot bring the deleted object back.
    func select(_ objects: [SyncedObject]) throws -> [SyncedObject] {
        try objects.filter { object in
            if case .tombstone = object { return true }
            if let placement = object.placement,
               scope.contains(branchID: placement.branchID, officerID: placement.officerID) {
                return true
            }
            return try isStored(object.objectType, object.id)
        }
    }

    /// Whether the replica has the object.
    func isStored(_ type: ObjectType, _ id: String) throws -> Bool {
        switch type {
        case .client: return try ClientID(id).flatMap { try replica.client($0) } != nil
        case .loan: return try LoanID(id).flatMap { try replica.loan($0) } != nil
        case .payment: return try PaymentID(id).flatMap { try replica.payment($0) } != nil
        case .paymentLink: return try PaymentLinkID(id).flatMap { try replica.paymentLink($0) } != nil
        case .webhook, .event, .report: return false
        }
    }
}
