import FincoreModel
import Replica

/// One resource's durable pull state, kept as the JSON of its `SyncCursor` in the replica.
///
/// Saved after every applied page or export batch, so a pull killed at any point resumes where
/// it stopped instead of starting over (issue 7, "resumable").
struct PullState: Codable, Sendable, Equatable {
    /// Where the last completed pull ended.
    var cursor = PullCursor()
    /// A pull under way: its pager, saved after each page.
    var pager: PullPager?
    /// A lower bound, in server time, of the moment the pull under way sent its first request
    /// (R₁), from the newest `updated_at` seen and the time elapsed (`Puller.origin`).
    /// Everything a pull can miss was committed after R₁ and so carries `updated_at` ≥ R₁ − lag;
    /// the finished cursor reaches back to it. Stored rather than a duration so that the time a killed pull lay
    /// dead needs no clock: an object committed after the checkpoint, at C ≥ the newest
    /// `updated_at` seen, has `updated_at` ≥ C − lag ≥ origin − lag as well.
    var origin: Timestamp?
    /// When the pull under way sent its first request, on the boot-time clock: a run resumed
    /// on the same boot measures its elapsed time from here and so bounds R₁ as tightly as an
    /// unbroken pull; after a reboot the stored `origin` alone stays (safe, a wider overlap).
    var started: BootInstant?
    /// A first sync by export under way.
    var export: ExportProgress?
    /// Whether the resource has completed a first sync (by export or paging).
    var initialized = false

    /// The stored state of `resource`, or a fresh one before its first sync.
    static func load(_ resource: SyncResource, from cursor: SyncCursor?) -> PullState {
        guard let json = cursor?.state, let state = try? json.decode(as: PullState.self) else { return PullState() }
        return state
    }

    /// The cursor row that stores this state.
    func row(_ resource: SyncResource) throws -> SyncCursor {
        SyncCursor(resource: resource.cursorName, updatedAt: cursor.updatedAt, lastID: cursor.id,
                   state: try JSONValue(encoding: self))
    }
}

/// How far a first sync by export got: the report, its `as_of`, and the lines already applied.
struct ExportProgress: Codable, Sendable, Equatable {
    var reportID: String
    var asOf: Timestamp?
    /// Lines of the download applied so far; a resumed download skips them.
    var applied = 0
    /// The number of rows the report says it has (`result.count`), for progress.
    var total: Int?
}
