/// Renders `help` pages from command specs: the grouped list and one command's page.
public enum CommandHelp {
    /// The command list, grouped under headings in first-registered order, summaries aligned.
    public static func list(_ specs: [CommandSpec]) -> String {
        var groups: [(name: String, specs: [CommandSpec])] = []
        for spec in specs {
            if let index = groups.firstIndex(where: { $0.name == spec.group }) {
                groups[index].specs.append(spec)
            } else {
                groups.append((spec.group, [spec]))
            }
        }
        let width = specs.map(\.name.count).max() ?? 0
        var lines = ["Commands:"]
        for group in groups {
            lines.append("")
            lines.append(group.name + ":")
            for spec in group.specs {
                lines.append("  " + pad(spec.name, to: width) + "   " + spec.summary)
            }
        }
        lines.append("")
        lines.append("Run 'help COMMAND' for a command's arguments, fields and examples.")
        return lines.joined(separator: "\n")
    }

    /// One command's page: summary, usage, details, arguments, fields, effects, examples.
    public static func page(_ spec: CommandSpec, subcommands: [CommandSpec] = []) -> String {
        var sections = ["\(spec.name): \(spec.summary)", "Usage: \(spec.usage)"]
        if !spec.details.isEmpty { sections.append(spec.details) }
        if !spec.arguments.isEmpty {
            sections.append("Arguments:\n" + HelpFormatter.columns(spec.arguments.map { argument in
                (argument.name, describe(argument))
            }))
        }
        if !spec.fields.isEmpty {
            sections.append("Fields:\n" + HelpFormatter.columns(spec.fields.map { field in
                ("\(field.name)=\(field.kind.placeholder)", (field.isRequired ? "(required) " : "") + field.help)
            }))
        }
        var effects: [String] = []
        if spec.edits { effects.append("Edits: saved to the outbox at once, pushed on the next sync.") }
        if spec.needsServer { effects.append("Needs the server: refused while offline.") }
        if !effects.isEmpty { sections.append(effects.joined(separator: "\n")) }
        if !subcommands.isEmpty {
            sections.append("Commands:\n" + HelpFormatter.columns(subcommands.map { ($0.name, $0.summary) }))
        }
        if !spec.examples.isEmpty {
            sections.append("Examples:\n" + spec.examples.map { "  " + $0 }.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    private static func describe(_ argument: ArgumentSpec) -> String {
        let help = argument.help.isEmpty ? "a \(argument.kind.rawValue)" : argument.help
        return argument.isOptional ? help + " (optional)" : help
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
