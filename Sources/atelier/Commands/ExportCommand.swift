import ArgumentParser
import AtelierCore
import AtelierExport

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

    @ArgumentParser.Option(name: .long, help: "The summary's format.")
    var format: Choice<ExportFormat>

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        _ = try format.checked(CLI(locale: language.locale))
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let format = try format.checked(cli)
        let state = try source.state(cli)
        let rendered = Exporter.render(format: format, state: state, catalog: cli.catalog)
        try destination.write(rendered, format: format, folder: format.defaultName(session: state.id), cli: cli) {
            LocalizedMessage("export.cli.written", ["format": .text(format.rawValue), "path": .text($0)])
        }
    }
}
