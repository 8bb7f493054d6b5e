import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a consensus summary (md, json, csv, html)."
    )

    func run() async throws {
        NotYetAvailable.exit("export")
    }
}
