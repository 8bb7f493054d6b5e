import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierTerminal
import Foundation

/// `atelier workshops`: the workshops found in ./workshops, the user's data
/// folder and the bundled copy, with their title in the chosen language.
struct WorkshopsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshops",
        abstract: "List the available workshops."
    )

    @OptionGroup var language: LanguageOption

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let library = WorkshopLibrary()
        let listing = library.list()
        for broken in listing.broken {
            cli.warn(FilesError.invalidWorkshop(path: broken.path, problems: broken.problems).message)
        }
        guard !listing.entries.isEmpty else {
            try cli.fail(LocalizedMessage("cli.workshops.none", ["folders": .list(library.folders.compactMap(\.path))]))
        }
        cli.say(LocalizedMessage("cli.workshops.header", ["count": .count(listing.entries.count)]))
        // The id is what `atelier run` takes: never cut; the title gives way first.
        let rows = listing.entries.map { entry in
            [
                entry.id, cli.text(LocalizedMessage("cli.workshops.version", ["version": .count(entry.version)])),
                entry.title.text(cli.catalog.language), cli.text(Self.source(entry)),
            ]
        }
        let layout = TableLayout(
            [.init(""), .init(""), .init("", .label(minimum: 16)), .init("", .text(minimum: 12))], cells: rows,
            width: TerminalWidth.measure(STDOUT_FILENO))
        for row in rows { cli.say(line: layout.row(row)) }
    }

    static func source(_ entry: WorkshopLibrary.Entry) -> LocalizedMessage {
        let path: [String: MessageValue] = ["path": .text(display(entry.path))]
        switch entry.source {
        case .local: return LocalizedMessage("cli.workshops.source_local", path)
        case .user: return LocalizedMessage("cli.workshops.source_user", path)
        case .bundled: return LocalizedMessage("cli.workshops.source_bundled", path)
        }
    }

    /// A path under the current folder is shown relative to it.
    static func display(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
