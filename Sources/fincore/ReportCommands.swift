import APIClient
import Console
import FincoreModel
import Foundation

/// `report …`: server-side reports (optional in the contract; refused clearly when absent).
enum ReportCommands {
    static let unavailable = CommandFailure("this server has no reports (an optional part of the API)",
                                            hint: "use the offline views instead: 'portfolio', 'due', 'overdue'")

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("report portfolio", summary: "The server's portfolio report (online).",
                                   fields: [FieldSpec("branch_id"), FieldSpec("officer_id")], needsServer: true)) { inv, ctx in
            try await run(.portfolio, resource: nil, inv, ctx)
        }
        table.register(CommandSpec("report collections", summary: "The server's collections report (online).",
                                   fields: [FieldSpec("branch_id"), FieldSpec("officer_id")], needsServer: true)) { inv, ctx in
            try await run(.collections, resource: nil, inv, ctx)
        }
        table.register(CommandSpec("report export", summary: "Export clients, loans or payments as NDJSON (online).",
                                   arguments: [ArgumentSpec("RESOURCE", .text, help: "clients|loans|payments")],
                                   fields: [FieldSpec("branch_id"), FieldSpec("officer_id")], needsServer: true)) { inv, ctx in
            let text = inv.arguments.positionals[0]
            // A word outside the closed list is a usage error (2), as an unknown field value is.
            guard let resource = ExportResource(rawValue: text) else {
                let names = ExportResource.allCases.map(\.rawValue)
                throw UsageError.invalidField(name: "RESOURCE", value: text, reason: "expected one of " + names.joined(separator: ", "),
                                              suggestion: NearestMatch.find(text, among: names))
            }
            return try await run(.export, resource: resource, inv, ctx)
        }
    }

    private static func run(_ type: ReportType, resource: ExportResource?, _ inv: CommandInvocation,
                            _ ctx: AgentContext) async throws -> CommandOutcome {
        let api = try ctx.server(for: inv.spec.name)
        if inv.dryRun { return .success }
        let params = ReportParams(resource: resource, branchID: inv.arguments["branch_id"], officerID: inv.arguments["officer_id"])
        guard var report = try await api.createReport(NewReport(type: type, params: params)).value?.value else { throw unavailable }
        // Reports are made later (202); poll gently, within the 10/min reports budget.
        for _ in 0..<8 where report.status == .pending {
            try await Task.sleep(for: .seconds(1))
            guard let fresh = try await api.report(report.id).value?.value else { throw unavailable }
            report = fresh
        }
        switch report.status {
        case .pending:
            throw CommandFailure("report \(report.id.rawValue) is still being made", hint: "try again in a minute")
        case .failed:
            throw CommandFailure("the server could not make report \(report.id.rawValue)")
        case .completed:
            break
        }
        if type == .export {
            guard let lines = try await api.downloadReport(report.id).value else { throw unavailable }
            for try await line in lines { inv.write(String(decoding: line, as: UTF8.self)) }
            return .success
        }
        let extra = report.result?.extra ?? [:]
        // On a terminal or in table mode, lists become tables under the record; other formats keep them whole.
        let lists = ctx.settings.format == .table ? ReportTables.lists(in: extra) : []
        let scalars = extra.keys.sorted().filter { key in !lists.contains { $0.name == key } }
        ctx.show(record: [("report", report.id.rawValue), ("as_of", report.result?.asOf?.description)]
            + scalars.map { ($0, ReportTables.cell(extra[$0])) }, inv)
        for list in lists {
            inv.write("\n\(list.name): \(list.rows.count)")
            if list.isTable {
                ctx.show(list.table, inv)
            } else {
                for (index, record) in list.records.enumerated() {
                    if index > 0 { inv.write("") }
                    ctx.show(record: record, inv)
                }
            }
        }
        return .success
    }
}
