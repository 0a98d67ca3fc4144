import Console

/// `listen on|off`: the webhook receiver inside the REPL's process (see `fincore listen`).
enum ListenCommands {
    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec(
            "listen", group: "sync", summary: "Receive webhook events and apply them at once (on), or stop (off).",
            details: """
            'listen on' prints the URL to register with 'webhook add url=URL events=…'; deliveries must be
            signed with the secret of an endpoint created here. Without on|off, says whether it listens.
            Pull stays the source of truth: whatever an event missed, the next sync brings.
            """,
            arguments: [ArgumentSpec("on|off", .text, optional: true)],
            fields: [FieldSpec("host", help: "address to listen on (default 127.0.0.1)"),
                     FieldSpec("port", .integer, help: "port; 0 takes a free one (default 0)")],
            examples: ["listen on", "listen on port=8085", "listen off"])) { inv, ctx in
            if let mode = inv.arguments.positionals.first, mode != "on", mode != "off" {
                throw UsageError.invalidField(name: "on|off", value: mode, reason: "expected on or off", suggestion: nil)
            }
            let host = inv.arguments["host"] ?? "127.0.0.1"
            guard let port = UInt16(inv.arguments["port"] ?? "0") else {
                throw UsageError.invalidField(name: "port", value: inv.arguments["port"] ?? "", reason: "expected 0 to 65535",
                                              suggestion: nil)
            }
            // The check pass of an atomic script runs on a scratch context without a listener.
            if inv.dryRun { return .success }
            guard let listener = ctx.listener else { throw CommandFailure("cannot listen from here") }
            switch inv.arguments.positionals.first {
            case nil:
                let url = await listener.url
                ctx.done(url.map { "listening on \($0)" } ?? "not listening", [("listening", url.map { "\($0)" })], inv)
            case "on":
                ListenCommand.forgetOldEvents(ctx.replica)
                do {
                    let url = try await listener.start(host: host, port: port)
                    ctx.done("listening on \(url)", [("listening", "\(url)")], inv)
                } catch {
                    throw CommandFailure("cannot listen on \(host):\(port): \(error)", status: .failure)
                }
            case "off":
                await listener.stop()
                ctx.done("not listening", [("listening", nil)], inv)
            default:
                break
            }
            return .success
        }
    }
}
