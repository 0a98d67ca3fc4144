import FincoreModel
import Foundation
import HTTP

/// The sandbox's payment processor: a background loop that settles pending non-cash payments
/// once they are `delaySeconds` old, and expires payment links past `expires_at`.
///
/// Contract § Loans: `mobile_money`, `bank_transfer` and `card` payments "start `pending` and
/// settle later to `succeeded` or `failed`"; § Precise answers: the sandbox settles them "after a
/// delay its operator sets (default 2 s)". Each settlement and each expiry is its own store
/// transaction, whose events go to `onCommit` like a request's. The loop only awaits
/// (`store.write` runs on the store's queue), so it never holds a cooperative thread.
final class PaymentSettler: Sendable {
    /// Time between sweeps: short enough that a 0.2 s delay in tests settles within ~0.35 s.
    static let interval: Duration = .milliseconds(150)

    private let store: SandboxStore
    private let delayMicroseconds: Int64
    private let onCommit: @Sendable ([PendingEvent]) -> Void
    private let loop = Locked<Task<Void, Never>?>(nil)

    init(store: SandboxStore, delaySeconds: Double, onCommit: @escaping @Sendable ([PendingEvent]) -> Void) {
        self.store = store
        self.delayMicroseconds = Int64((max(0, delaySeconds) * 1_000_000).rounded())
        self.onCommit = onCommit
    }

    /// Starts the loop (once; a second call does nothing).
    func start() {
        loop.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in
                while !Task.isCancelled {
                    await sweep(now: .now())
                    try? await Task.sleep(for: Self.interval)
                }
            }
        }
    }

    /// Stops the loop and waits for a sweep under way to finish its transaction.
    func stop() async {
        let task = loop.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// One pass as of `now`: settles every pending payment created at or before `now` − delay,
    /// then expires every active link whose `expires_at` ≤ `now`. A failed transaction is left for
    /// the next pass (the payment stays pending; nothing half-done is committed).
    func sweep(now: Timestamp) async {
        let settleBefore = now.adding(microseconds: -delayMicroseconds)
        guard let due = try? await store.read(now: now, { tx in
            (try Self.duePayments(before: settleBefore, tx), try Self.expiredLinks(at: now, tx))
        }) else { return }
        for id in due.0 {
            await commit(now: now) { tx in try LoanLedger.settle(paymentID: id, tx) }
        }
        for id in due.1 {
            await commit(now: now) { tx in try Self.expire(linkID: id, at: now, tx) }
        }
    }

    private func commit(now: Timestamp, _ change: @escaping @Sendable (StoreTransaction) throws -> Void) async {
        guard let events = try? await store.write(now: now, { tx in
            try change(tx)
            return tx.events
        }) else { return }
        if !events.isEmpty { onCommit(events) }
    }

    /// Ids of pending payments created at or before `cutoff`, oldest first.
    static func duePayments(before cutoff: Timestamp, _ tx: StoreTransaction) throws -> [String] {
        try tx.db.fetchAll(String.self, sql: """
            SELECT id FROM objects WHERE kind = ? AND status = ? AND created_at <= ? ORDER BY created_at, id
            """, arguments: [Payment.objectType.rawValue, PaymentStatus.pending.rawValue,
                             cutoff.microsecondsSinceEpoch])
    }

    /// Ids of active links whose `expires_at` is at or before `now`.
    static func expiredLinks(at now: Timestamp, _ tx: StoreTransaction) throws -> [String] {
        try tx.objects(PaymentLink.self, where: "status", equals: LinkStatus.active.rawValue)
            .filter { link in link.expiresAt.map { $0 <= now } ?? false }
            .map(\.idText)
    }

    /// `active` → `expired`, an update like any other (version + 1, `payment_link.updated`);
    /// nothing if the link changed meanwhile (canceled by a request between read and write).
    static func expire(linkID: String, at now: Timestamp, _ tx: StoreTransaction) throws {
        guard var link = try tx.object(PaymentLink.self, id: linkID), link.status.canMove(to: .expired),
              let expiresAt = link.expiresAt, expiresAt <= now else { return }
        link.status = .expired
        try tx.update(&link)
    }
}
