import ArgumentParser
import AtelierCore
import AtelierFiles
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
        let cli = CLI(locale: language.locale)
        let library = WorkshopLibrary()
        let listing = library.list()
        for broken in listing.broken {
            cli.warn(FilesError.invalidWorkshop(path: broken.path, problems: broken.problems).message)
        }
        guard !listing.entries.isEmpty else {
            cli.fail(LocalizedMessage("cli.workshops.none", ["folders": .list(library.folders.compactMap(\.path))]))
        }
        cli.say(LocalizedMessage("cli.workshops.header", ["count": .count(listing.entries.count)]))
        let idWidth = listing.entries.map(\.id.count).max() ?? 0
        let versions = listing.entries.map {
            cli.text(LocalizedMessage("cli.workshops.version", ["version": .count($0.version)]))
        }
        let versionWidth = versions.map(\.count).max() ?? 0
        let titles = listing.entries.map { $0.title.text(cli.catalog.language) }
        let titleWidth = titles.map(\.count).max() ?? 0
        for (index, entry) in listing.entries.enumerated() {
            let source = cli.text(Self.source(entry))
            cli.say(
                line: "  " + Self.pad(entry.id, idWidth) + "  " + Self.pad(versions[index], versionWidth) + "  "
                    + Self.pad(titles[index], titleWidth) + "  " + source)
        }
    }

    static func source(_ entry: WorkshopLibrary.Entry) -> LocalizedMessage {
        let path: [String: MessageValue] = ["path": .text(display(entry.path))]
        switch entry.source {
        case .local: return LocalizedMessage("cli.workshops.source_local", path)
        case .user: return LocalizedMessage("cli.workshops.source_user", path)
        case .bundled: return LocalizedMessage("cli.workshops.source_bundled", path)
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// A path under the current folder is shown relative to it.
    static func display(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
