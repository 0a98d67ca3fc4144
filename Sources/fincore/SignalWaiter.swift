import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so a foreground server can stop cleanly on Ctrl-C or `kill`.
enum SignalWaiter {
    /// Suspends until one of the signals arrives; returns its number.
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let once = DispatchQueue(label: "fincore.signals")
            nonisolated(unsafe) var sources: [DispatchSourceSignal] = []
            nonisolated(unsafe) var resumed = false
            for number in signals {
                // The default action would kill the process before the server could stop.
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: once)
                source.setEventHandler {
                    guard !resumed else { return }
                    resumed = true
                    sources.forEach { $0.cancel() }
                    continuation.resume(returning: number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
