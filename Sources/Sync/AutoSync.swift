/// Background syncing while the REPL is open: periodically, and soon after each edit.
///
/// An actor, so its state is shared safely with the REPL; nothing it offers blocks the caller
/// (`noteEdit` returns at once, the loop runs in its own task). An edit made while a sync runs
/// is safe: the edit is in the outbox before `noteEdit` is called, and the outbox is what the
/// next push reads. A transport failure makes it `offline` with exponential backoff (edits
/// then wait for the backoff rather than hammer a dead network); a sync that gets through
/// makes it `online` and, since each sync pushes everything sendable, drains the outbox.
public actor AutoSync {
    /// The knobs; the defaults suit the REPL.
    public struct Configuration: Sendable {
        /// Time between syncs while online.
        public var interval: Duration = .seconds(60)
        /// Time from an edit to the sync that pushes it (edits in a burst share one sync).
        public var editDelay: Duration = .milliseconds(500)
        /// The first wait after a failure; it doubles up to `maximumBackoff`.
        public var initialBackoff: Duration = .seconds(2)
        public var maximumBackoff: Duration = .seconds(300)

        public init() {}
    }

    public let engine: SyncEngine
    public let configuration: Configuration
    /// Hears each background sync's summary (the REPL tracks connectivity from it).
    private let onSync: (@Sendable (SyncSummary) -> Void)?
    public private(set) var state: AutoSyncState = .stopped
    /// The last sync's summary.
    public private(set) var lastSummary: SyncSummary?
    /// Syncs run since `start`.
    public private(set) var runs = 0
    private var loop: Task<Void, Never>?
    private var backoff: Duration
    private var waiter: CheckedContinuation<Void, Never>?
    private var wakeToken = 0
    private var editPending = false

    public init(engine: SyncEngine, configuration: Configuration = Configuration(),
                onSync: (@Sendable (SyncSummary) -> Void)? = nil) {
        self.engine = engine
        self.configuration = configuration
        self.onSync = onSync
        backoff = configuration.initialBackoff
    }

    /// Starts the loop (a sync at once); does nothing if it runs already.
    public func start() {
        guard loop == nil else { return }
        state = .starting
        loop = Task { await self.runLoop() }
    }

    /// Stops the loop; a sync under way is cancelled (what it did is kept).
    public func stop() {
        loop?.cancel()
        loop = nil
        state = .stopped
        wake()
    }

    /// Tells the loop the user edited something; returns at once.
    public nonisolated func noteEdit() {
        Task { await self.editMade() }
    }

    private func editMade() {
        editPending = true
        if case .offline = state { return }  // the backoff decides when to try again
        wake(after: configuration.editDelay)
    }

    private func runLoop() async {
        while !Task.isCancelled {
            state = .syncing
            editPending = false
            let summary = await engine.sync()
            runs += 1
            lastSummary = summary
            guard !Task.isCancelled else { break }
            onSync?(summary)
            let delay: Duration
            switch summary.outcome {
            case .completed:
                state = .online
                backoff = configuration.initialBackoff
                delay = editPending ? configuration.editDelay : configuration.interval
            case .unauthorized:
                state = .unauthorized
                return
            case .offline, .rateLimited, .failed, .cancelled:
                state = .offline(retryIn: backoff)
                delay = backoff
                backoff = min(backoff * 2, configuration.maximumBackoff)
            }
            await sleep(delay)
        }
    }

    /// Waits `delay`, or less if an edit wakes the loop sooner.
    private func sleep(_ delay: Duration) async {
        wakeToken += 1
        let token = wakeToken
        let timer = Task { [weak self] in
            try? await Task.sleep(for: delay)
            await self?.timerFired(token)
        }
        await withCheckedContinuation { waiter = $0 }
        timer.cancel()
    }

    private func timerFired(_ token: Int) {
        if token == wakeToken { wake() }
    }

    /// Wakes the sleeping loop now, or after `delay`.
    private func wake(after delay: Duration = .zero) {
        guard delay > .zero else {
            waiter?.resume()
            waiter = nil
            return
        }
        let token = wakeToken
        Task { [weak self] in
            try? await Task.sleep(for: delay)
            await self?.timerFired(token)
        }
    }
}
