/// Stub: filled in by its own change. Routes of this family (contract section of the same name).
enum LoanEndpoints {
    static var routes: [SandboxRoute] { [] }
}
