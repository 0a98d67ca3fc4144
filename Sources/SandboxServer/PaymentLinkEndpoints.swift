/// Stub: filled in by its own change. Routes of this family (contract section of the same name).
enum PaymentLinkEndpoints {
    static var routes: [SandboxRoute] { [] }
}
