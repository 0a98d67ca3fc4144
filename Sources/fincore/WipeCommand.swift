import Console
import Foundation
import Replica

/// `fincore wipe`: deletes the replica of the configured server (or the demo's).
enum WipeCommand {
    static let subcommand = Subcommand(
        name: "wipe",
        summary: "Delete this laptop's replica of the server (refused while edits are unpushed).",
        usage: """
        fincore wipe [--force]

        Deletes the replica of FINCORE_API_URL and the current key (or the demo replica when none
        is configured): its database, history and journal. Unpushed edits block it unless --force.
        The key file is kept; delete it yourself to forget the key.
        """,
        options: [OptionSpec("force", help: "Wipe even if unpushed edits would be lost.")],
        run: { parsed in run(parsed) })

    static func run(_ parsed: ParsedArguments) -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        do {
            let location: ReplicaLocation
            if let url = try SessionOpener.configuredURL(environment: environment) {
                guard let key = try Credentials.key(environment: environment) else {
                    StandardStreams.err("fincore wipe: error: no API key, so no replica to name; set FINCORE_API_KEY")
                    return .authentication
                }
                location = try ReplicaLocation(serverURL: url, keyFingerprint: ReplicaLocation.fingerprint(ofKey: key),
                                               environment: environment)
            } else {
                location = ReplicaLocation(directory: try ReplicaLocation.baseDirectory(environment: environment) + "/demo")
            }
            guard FileManager.default.fileExists(atPath: location.directory) else {
                StandardStreams.err("nothing to wipe at \(location.directory)")
                return .success
            }
            let lost = try location.wipe(force: parsed.has("force"))
            StandardStreams.err("wiped \(location.directory)" + (lost > 0 ? "; \(lost) unpushed edits discarded" : ""))
            return .success
        } catch {
            let failure = ErrorRenderer.failure(for: error)
            StandardStreams.err("fincore wipe: error: \(failure.message)")
            return failure.status
        }
    }
}
