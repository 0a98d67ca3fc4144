/// Stub: filled in by its own change. Routes of this family (contract section of the same name).
enum WebhookEndpoints {
    static var routes: [SandboxRoute] { [] }
}
