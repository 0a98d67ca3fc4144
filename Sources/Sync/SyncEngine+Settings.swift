import FincoreModel
import Replica

extension SyncEngine {
    /// The replica row that keeps the background-sync setting (beside the scope and cursors).
    static let autoSyncRow = "setting.auto_sync"

    /// Whether background sync is on for this replica; on until `sync auto off` says otherwise.
    public func autoSyncEnabled() throws -> Bool {
        guard case .bool(let on)? = try replica.cursor(for: Self.autoSyncRow)?.state else { return true }
        return on
    }

    /// Keeps the background-sync setting for this replica, so the next session starts with it.
    public func setAutoSync(_ on: Bool) throws {
        try replica.saveCursor(SyncCursor(resource: Self.autoSyncRow, state: .bool(on)))
    }
}
