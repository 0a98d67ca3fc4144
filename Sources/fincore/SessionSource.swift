import Console

/// The REPL's line source: refreshes the prompt before each line and ends after `quit`.
final class SessionSource: LineSource {
    private let inner: ReadlineSource
    private let context: AgentContext

    init(_ inner: ReadlineSource, context: AgentContext) {
        self.inner = inner
        self.context = context
    }

    var name: String { inner.name }
    var isInteractive: Bool { true }

    func nextLine() -> SourceLine? {
        guard !context.settings.quitRequested else { return nil }
        inner.prompt = StatusLine.prompt(context)
        return inner.nextLine()
    }
}
