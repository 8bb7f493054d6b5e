import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierFiles
import Foundation

/// `atelier export SESSION|FILE.jsonl --format md|json|csv|html [-o PATH] [--force]`:
/// the consensus summary of a stored session or a recording. md, json and
/// html go to stdout without -o; csv is a folder and needs a path (default
/// `SESSION-csv`). Files are written atomically and never replaced without --force.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a consensus summary (md, json, csv, html)."
    )

    @OptionGroup var source: SessionReference

    @ArgumentParser.Option(name: .long, help: "md, json, csv or html.")
    var format: String

    @ArgumentParser.Option(
        name: [.short, .customLong("output")], help: "Where to write (a folder for csv); default: stdout.")
    var output: String?

    @Flag(name: .long, help: "Replace the file or folder if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    func run() async throws {
        let cli = CLI(locale: language.locale)
        guard let format = ExportFormat(rawValue: format) else {
            cli.fail(
                LocalizedMessage(
                    "export.cli.unknown_format",
                    ["format": .text(format), "accepted": .list(ExportFormat.allCases.map(\.rawValue))]),
                code: CLI.usage)
        }
        let state = source.state(cli)
        let rendered = Exporter.render(format: format, state: state, catalog: cli.catalog)
        try cli.deliver(
            rendered, to: output ?? (format.isFolder ? format.defaultName(session: state.id) : nil), force: force
        ) { path in
            LocalizedMessage("export.cli.written", ["format": .text(format.rawValue), "path": .text(path)])
        }
    }
}
