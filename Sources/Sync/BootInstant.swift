import Foundation

/// A reading of the machine's continuous clock that a later process on the same boot can
/// subtract from its own: the way a pull measures time that passed while it lay killed.
///
/// On Linux `ContinuousClock` reads `CLOCK_BOOTTIME`, which every process of one boot shares
/// and which no change of the wall clock moves (clock_gettime(2)). A reboot restarts it, so
/// each reading carries the kernel's boot id (`/proc/sys/kernel/random/boot_id`) and readings
/// from another boot, or from a system without a boot id, are not compared at all.
struct BootInstant: Codable, Sendable, Equatable {
    var bootID: String
    var instant: ContinuousClock.Instant

    /// The kernel's id of the current boot, read once.
    static let currentBootID: String? = {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else {
            return nil
        }
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty ? nil : id
    }()

    /// Now, or nil where boots cannot be told apart.
    static func now() -> BootInstant? {
        currentBootID.map { BootInstant(bootID: $0, instant: .now) }
    }

    /// Microseconds from this reading to now, or nil when it belongs to another boot.
    func microsecondsUntilNow() -> Int64? {
        guard bootID == Self.currentBootID else { return nil }
        return max(0, SyncMeter.microseconds(ContinuousClock.now - instant))
    }
}
