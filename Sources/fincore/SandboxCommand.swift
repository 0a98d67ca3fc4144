import Console
import Foundation
import SandboxServer

/// `fincore sandbox`: runs the project's Fincore API server in the foreground.
enum SandboxCommand {
    static let options: [OptionSpec] = [
        OptionSpec("host", value: "HOST", help: "Address to listen on (default 127.0.0.1)."),
        OptionSpec("port", value: "PORT", help: "Port to listen on; 0 takes a free port (default 0)."),
        OptionSpec("data", value: "PATH", help: "Keep the data in this SQLite file (default: in memory)."),
        OptionSpec("demo", value: "N", help: "Seed N demo clients with loans and payments (default 0)."),
        OptionSpec("seed", value: "S", help: "Seed of demo data and fault draws (default 1)."),
        OptionSpec("rate-window", value: "SECONDS",
                   help: "Rate-limit window; limits stay 100 and 10 (default 60; 0 turns limits off)."),
        OptionSpec("no-optional", help: "Answer 404 for the contract's optional parts (reports)."),
        OptionSpec("faults", value: "SPEC",
                   help: "Faults, e.g. error_503=0.2,latency_ms=5-50 (keys: \(FaultConfiguration.keys.joined(separator: ", ")))."),
        OptionSpec("settle-delay", value: "SECONDS",
                   help: "Delay before non-cash payments settle (default 2)."),
    ]

    static let subcommand = Subcommand(
        name: "sandbox",
        summary: "Run the sandbox Fincore API server in the foreground (Ctrl-C stops it).",
        usage: """
        fincore sandbox [--host H] [--port P] [--data PATH] [--demo N] [--seed S]
                               [--rate-window SECONDS] [--no-optional] [--faults SPEC]

        The first line on stdout is 'listening on http://HOST:PORT/v1/'.
        API keys come from FINCORE_SANDBOX_API_KEYS (comma-separated), else the demo key
        \(SandboxConfiguration.demoAPIKey). The /_sandbox/ operator routes need FINCORE_SANDBOX_ADMIN_KEY.
        """,
        options: options,
        run: { parsed in await run(parsed) })

    /// Turns the parsed options into a configuration, naming the option of any bad value.
    static func configuration(from parsed: ParsedArguments,
                              environment: [String: String]) throws(UsageError) -> SandboxConfiguration {
        if let extra = parsed.positionals.first { throw .unexpectedArgument(extra) }
        var config = SandboxConfiguration()
        config.readKeys(from: environment)
        if let host = parsed.value("host") {
            guard !host.isEmpty else { throw .invalidValue(option: "host", value: host, reason: "empty") }
            config.host = host
        }
        if let port = parsed.value("port") {
            guard let value = UInt16(port) else {
                throw .invalidValue(option: "port", value: port, reason: "expected 0 to 65535")
            }
            config.port = value
        }
        config.dataPath = parsed.value("data")
        if let demo = parsed.value("demo") {
            guard let count = Int(demo), (0...1_000_000).contains(count) else {
                throw .invalidValue(option: "demo", value: demo, reason: "expected a count from 0 to 1000000")
            }
            config.demoClients = count
        }
        if let seed = parsed.value("seed") {
            guard let value = UInt64(seed) else {
                throw .invalidValue(option: "seed", value: seed, reason: "expected a non-negative integer")
            }
            config.seed = value
        }
        config.rateWindowSeconds = try seconds(parsed, "rate-window") ?? config.rateWindowSeconds
        config.settlementDelaySeconds = try seconds(parsed, "settle-delay") ?? config.settlementDelaySeconds
        config.optionalFeatures = !parsed.has("no-optional")
        if let spec = parsed.value("faults") {
            do {
                config.faults = try config.faults.applying(spec: spec)
            } catch {
                throw .invalidValue(option: "faults", value: spec, reason: error.description)
            }
        }
        return config
    }

    private static func seconds(_ parsed: ParsedArguments, _ option: String) throws(UsageError) -> Double? {
        guard let text = parsed.value(option) else { return nil }
        guard let value = Double(text), value >= 0, value <= 3600, value.isFinite else {
            throw .invalidValue(option: option, value: text, reason: "expected seconds from 0 to 3600")
        }
        return value
    }

    static func run(_ parsed: ParsedArguments) async -> ExitStatus {
        let config: SandboxConfiguration
        do {
            config = try configuration(from: parsed, environment: ProcessInfo.processInfo.environment)
        } catch {
            return FincoreCommand.report(error, command: "fincore sandbox")
        }
        let server: SandboxServer
        let url: URL
        do {
            server = try SandboxServer(configuration: config)
            url = try await server.start()
        } catch {
            StandardStreams.err("fincore sandbox: error: \(error)")
            return .failure
        }
        // The first line is an interface: scripts and tests read the URL from it.
        StandardStreams.out("listening on \(url.absoluteString)")
        _ = await SignalWaiter.wait()
        await server.stop()
        StandardStreams.err("fincore sandbox: stopped")
        return .success
    }
}
