import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierFiles
import AtelierReplay
import AtelierStore
import Foundation

/// `atelier compare A B [C ...] [--format md|json|csv|html] [-o PATH] [--force]`
/// and `atelier compare --all --workshop ID`: sessions of one workshop (store
/// ids and recording files mixed), each compared with the one before it —
/// by date unless `--order given` (docs/compare.md). Written like `export`:
/// stdout without -o (csv needs a folder), atomic files, --force to replace.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare sessions of one workshop: before and after (md, json, csv, html)."
    )

    @Argument(help: "Sessions: ids in the store or recording files (FILE.jsonl), at least two.")
    var sessions: [String] = []

    @ArgumentParser.Option(name: .long, help: "The session store (default: $XDG_DATA_HOME/atelier/atelier.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Every stored session of the workshop given by --workshop.")
    var all = false

    @ArgumentParser.Option(name: .long, help: "With --all: the workshop id.")
    var workshop: String?

    @ArgumentParser.Option(name: .long, help: "date (default: by start time) or given (as on the command line).")
    var order = "date"

    @ArgumentParser.Option(name: .long, help: "md (default), json, csv or html.")
    var format = "md"

    @ArgumentParser.Option(
        name: [.short, .customLong("output")], help: "Where to write (a folder for csv); default: stdout.")
    var output: String?

    @Flag(name: .long, help: "Replace the file or folder if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    static let orders = ["date", "given"]

    func run() async throws {
        let cli = CLI(locale: language.locale)
        guard let format = ExportFormat(rawValue: format) else {
            cli.fail(
                LocalizedMessage(
                    "export.cli.unknown_format",
                    ["format": .text(format), "accepted": .list(ExportFormat.allCases.map(\.rawValue))]),
                code: CLI.usage)
        }
        guard Self.orders.contains(order) else {
            cli.fail(
                LocalizedMessage("compare.cli.unknown_order", ["order": .text(order), "accepted": .list(Self.orders)]),
                code: CLI.usage)
        }
        let storePath = store ?? XDGPaths().store
        let references = referencesToLoad(cli, storePath: storePath)
        var loaded = references.map { reference -> LoadedSession in
            switch SessionSource.load(reference, storePath: storePath) {
            case .success(let session): return session
            case .failure(let error): cli.fail(error.message)
            }
        }
        if let first = loaded.first {
            for session in loaded where session.workshop.id != first.workshop.id {
                cli.fail(
                    LocalizedMessage(
                        "compare.cli.other_workshop",
                        [
                            "session": .text(session.id), "workshop": .text(session.workshop.id),
                            "expected": .text(first.workshop.id),
                        ]))
            }
        }
        var compared = loaded.map { session in
            let state = session.state()
            return ComparedSession(state: state, analysis: Analysis.shown(state, language: cli.catalog.language))
        }
        if order == "date" {
            // A stable sort: sessions without a start keep their place at the end.
            compared = compared.enumerated().sorted { a, b in
                let (x, y) = (a.element.state.startedAt ?? .max, b.element.state.startedAt ?? .max)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        loaded.removeAll()
        let rendered = Comparer.render(format: format, sessions: compared, catalog: cli.catalog)
        guard let path = output ?? (format.isFolder ? Comparer.defaultName(format: format, sessions: compared) : nil)
        else {
            if case .file(let bytes) = rendered { FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        do throws(FilesError) {
            try ExportWriter.write(rendered, to: path, replace: force)
        } catch {
            cli.warn(error.message)
            if case .alreadyExists = error { cli.warn(LocalizedMessage("export.cli.use_force")) }
            throw ExitCode(CLI.failure)
        }
        cli.say(LocalizedMessage("compare.cli.written", ["format": .text(format.rawValue), "path": .text(path)]))
    }

    /// The sessions named, or with --all every stored session of the workshop.
    private func referencesToLoad(_ cli: CLI, storePath: String) -> [String] {
        guard all else {
            guard sessions.count >= 2 else {
                cli.fail(LocalizedMessage("compare.cli.too_few_sessions"), code: CLI.usage)
            }
            return sessions
        }
        guard sessions.isEmpty else { cli.fail(LocalizedMessage("compare.cli.sessions_and_all"), code: CLI.usage) }
        guard let workshop else { cli.fail(LocalizedMessage("compare.cli.all_needs_workshop"), code: CLI.usage) }
        guard TextFile.exists(storePath) else {
            cli.fail(LocalizedMessage("store.no_store", ["path": .text(storePath)]))
        }
        let ids = cli.orFail { () throws(StoreError) in
            try SessionStore(path: storePath, readOnly: true).sessions()
        }.filter { $0.workshopID == workshop }.map(\.id)
        guard ids.count >= 2 else {
            cli.fail(
                LocalizedMessage(
                    "compare.cli.too_few_of_workshop",
                    ["workshop": .text(workshop), "path": .text(storePath), "count": .count(ids.count)]))
        }
        return ids
    }
}
