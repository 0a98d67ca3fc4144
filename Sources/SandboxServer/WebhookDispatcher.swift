import FincoreModel
import Foundation
import HTTP

/// Delivers committed events to webhook endpoints: stores each event with an `ev_` id, then sends
/// a signed `POST` to every enabled endpoint subscribed to its type, retrying failures with backoff
/// (contract § Webhooks, "Delivery").
///
/// Nothing here runs on a request's path: `publish` only enqueues. One intake task turns batches
/// into deliveries in commit order; each endpoint has its own lane task, so first attempts reach an
/// endpoint in order and a slow endpoint holds up no other. A failed attempt is retried on its own
/// task, so later events are not held behind it and may overtake it (the contract allows that).
final class WebhookDispatcher: Sendable {
    private struct State {
        var policy = RetryPolicy()
        var chaos = Chaos()
        var random: SeededRandom
        var lanes: [WebhookID: AsyncStream<WebhookDelivery>.Continuation] = [:]
        var tasks: [Int: Task<Void, Never>] = [:]
        var nextTask = 0
        var stopped = false
    }

    private let store: SandboxStore
    private let poster = WebhookPoster()
    private let intake: AsyncStream<[PendingEvent]>.Continuation
    private let state: Locked<State>

    init(store: SandboxStore, seed: UInt64) {
        self.store = store
        // A generator of its own, so webhook chaos never shifts the fault injector's draws.
        state = Locked(State(random: SeededRandom(seed: seed ^ 0x5745_4248_4F4F_4B53)))
        let (stream, continuation) = AsyncStream.makeStream(of: [PendingEvent].self)
        intake = continuation
        spawn { [self] in
            for await batch in stream {
                await accept(batch)
            }
        }
    }

    /// The retry schedule (internal: tests make it fast).
    var retryPolicy: RetryPolicy {
        get { state.withLock { $0.policy } }
        set { state.withLock { $0.policy = newValue } }
    }

    /// Deliberate duplicates and disorder (internal: tests turn it on; off by default).
    var chaos: Chaos {
        get { state.withLock { $0.chaos } }
        set { state.withLock { $0.chaos = newValue } }
    }

    /// Takes the events of one committed change; returns at once.
    func publish(_ events: [PendingEvent]) {
        guard !events.isEmpty else { return }
        intake.yield(events)
    }

    /// Stops taking events, cancels pending retries and requests in flight, and waits for every task.
    func stop() async {
        let (tasks, lanes) = state.withLock { state in
            state.stopped = true
            defer { state.lanes = [:] }
            return (Array(state.tasks.values), Array(state.lanes.values))
        }
        intake.finish()
        for lane in lanes { lane.finish() }
        for task in tasks { task.cancel() }
        poster.invalidate()
        for task in tasks { await task.value }
    }

    // MARK: Intake

    /// Stores a batch's events and hands a delivery per subscribed endpoint to that endpoint's lane.
    private func accept(_ batch: [PendingEvent]) async {
        let deliveries: [WebhookDelivery]
        do {
            deliveries = try await store.write(now: .now()) { tx in
                let hooks = try tx.enabledWebhooks()
                var deliveries: [WebhookDelivery] = []
                for event in batch {
                    let id = EventID.generate()
                    let body = WebhookDelivery.eventBody(id: id, type: event.type, at: event.at, object: event.object)
                    try tx.insertEvent(id: id, type: event.type, at: event.at, body: body)
                    for (hook, secret) in hooks where hook.events.contains(event.type) {
                        let delivery = WebhookDelivery(eventID: id, eventType: event.type, webhookID: hook.id,
                                                       url: hook.url, secret: secret, body: body)
                        let local = LoopbackHost.accepts(hook.url)
                        try tx.recordDelivery(delivery, status: local ? .pending : .skipped)
                        if local { deliveries.append(delivery) }
                    }
                }
                return deliveries
            }
        } catch {
            // The store failed (disk full, closed at shutdown): these events cannot be delivered.
            return
        }
        for delivery in deliveries {
            let copies = state.withLock { $0.random.chance($0.chaos.duplicate) } ? 2 : 1
            for _ in 0..<copies { lane(for: delivery.webhookID)?.yield(delivery) }
        }
    }

    /// The endpoint's lane, started on first use; nil once stopped.
    private func lane(for webhookID: WebhookID) -> AsyncStream<WebhookDelivery>.Continuation? {
        let (existing, stopped) = state.withLock { ($0.lanes[webhookID], $0.stopped) }
        if let existing { return existing }
        guard !stopped else { return nil }
        let (stream, continuation) = AsyncStream.makeStream(of: WebhookDelivery.self)
        let added = state.withLock { state -> Bool in
            guard !state.stopped, state.lanes[webhookID] == nil else { return false }
            state.lanes[webhookID] = continuation
            return true
        }
        guard added else { return state.withLock { $0.lanes[webhookID] } }
        spawn { [self] in
            for await delivery in stream {
                let jitter = state.withLock { state -> Double? in
                    state.chaos.shuffle ? Double.random(in: 0...state.chaos.maxJitter, using: &state.random) : nil
                }
                if let jitter {
                    spawn { [self] in
                        try? await Task.sleep(for: .seconds(jitter))
                        await deliver(delivery)
                    }
                } else {
                    await deliver(delivery)
                }
            }
        }
        return continuation
    }

    // MARK: Attempts

    /// The first attempt; on failure the retries go on their own task, so the lane moves on.
    private func deliver(_ delivery: WebhookDelivery) async {
        guard !Task.isCancelled else { return }
        if await attempt(delivery, number: 1) { return }
        spawn { [self] in await retry(delivery) }
    }

    /// Attempts 2… with backoff, each to the endpoint's current URL and secret, until one succeeds,
    /// the endpoint no longer wants the event, or the attempts run out.
    private func retry(_ delivery: WebhookDelivery) async {
        var delivery = delivery
        let policy = retryPolicy
        for number in 2...max(2, policy.maxAttempts) {
            do {
                try await Task.sleep(for: .seconds(policy.delay(before: number)))
            } catch {
                return
            }
            let (webhookID, type) = (delivery.webhookID, delivery.eventType)
            let target = try? await store.read { tx in
                try tx.deliveryTarget(webhookID: webhookID, type: type)
            }
            guard let target else {
                await record(delivery, .canceled)
                return
            }
            guard LoopbackHost.accepts(target.url) else {
                await record(delivery, .skipped)
                return
            }
            delivery.url = target.url
            delivery.secret = target.secret
            if await attempt(delivery, number: number) { return }
        }
    }

    /// One signed POST, recorded; true when the delivery is settled: a 2xx, the last attempt, or stopping.
    private func attempt(_ delivery: WebhookDelivery, number: Int) async -> Bool {
        let lost = state.withLock { $0.random.chance($0.chaos.fail) }
        let code = lost ? nil : await poster.post(delivery)
        guard !Task.isCancelled else { return true }
        let delivered = code.map { (200..<300).contains($0) } ?? false
        let last = number >= retryPolicy.maxAttempts
        await record(delivery, delivered ? .delivered : (last ? .failed : .retrying), attempted: true, code: code)
        return delivered || last
    }

    private func record(_ delivery: WebhookDelivery, _ status: DeliveryStatus, attempted: Bool = false,
                        code: Int? = nil) async {
        _ = try? await store.write(now: .now()) { tx in
            try tx.recordDelivery(delivery, status: status, attempted: attempted, statusCode: code)
        }
    }

    // MARK: Tasks

    /// Runs `work` on a task that `stop()` cancels and waits for; nothing starts once stopped.
    private func spawn(_ work: @escaping @Sendable () async -> Void) {
        state.withLock { current in
            guard !current.stopped else { return }
            let id = current.nextTask
            current.nextTask += 1
            current.tasks[id] = Task { [self] in
                await work()
                _ = state.withLock { $0.tasks.removeValue(forKey: id) }
            }
        }
    }
}
