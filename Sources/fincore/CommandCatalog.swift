import Console

/// Every command the REPL and scripts understand, family by family, in the order help lists them.
enum CommandCatalog {
    static let families: [@Sendable (inout CommandTable<AgentContext>) -> Void] = [
        ClientCommands.register, LoanCommands.register, PaymentCommands.register, LinkCommands.register,
        ViewCommands.register, OutboxCommands.register, SyncCommands.register, SessionCommands.register,
        ListenCommands.register, WebhookCommands.register, ReportCommands.register,
    ]

    static func table() -> CommandTable<AgentContext> {
        var table = CommandTable<AgentContext>()
        for register in families { register(&table) }
        return table
    }
}
