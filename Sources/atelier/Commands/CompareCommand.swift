import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierStore

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

    @OptionGroup var storeOption: StoreOption

    @Flag(name: .long, help: "Every stored session of the workshop given by --workshop.")
    var all = false

    @ArgumentParser.Option(name: .long, help: "With --all: the workshop id.")
    var workshop: String?

    @ArgumentParser.Option(name: .long, help: "By start time (date) or as on the command line (given).")
    var order = Choice(CompareOrder.date)

    @ArgumentParser.Option(name: .long, help: "The comparison's format.")
    var format = Choice(ExportFormat.md)

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let cli = try CLI(locale: language.locale)
        if all {
            guard sessions.isEmpty else { try cli.refuse(LocalizedMessage("compare.cli.sessions_and_all")) }
            guard workshop != nil else { try cli.refuse(LocalizedMessage("compare.cli.all_needs_workshop")) }
        } else if sessions.count < 2 {
            try cli.refuse(LocalizedMessage("compare.cli.too_few_sessions"))
        }
        _ = try format.checked(cli)
        _ = try checkedOrder(cli)
    }

    private func checkedOrder(_ cli: CLI) throws -> CompareOrder {
        try order.checked(cli) {
            LocalizedMessage("compare.cli.unknown_order", ["order": .text($0), "accepted": .list($1)])
        }
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let format = try format.checked(cli)
        var loaded = try referencesToLoad(cli).map { reference in
            try cli.attempt(SessionSource.load(reference, store: storeOption.reader))
        }
        if let first = loaded.first {
            for session in loaded where session.workshop.id != first.workshop.id {
                try cli.fail(
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
        if try checkedOrder(cli) == .date {
            // A stable sort: sessions without a start keep their place at the end.
            compared = compared.enumerated().sorted { a, b in
                let (x, y) = (a.element.state.startedAt ?? .max, b.element.state.startedAt ?? .max)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        loaded.removeAll()
        let rendered = Comparer.render(format: format, sessions: compared, catalog: cli.catalog)
        try destination.write(
            rendered, format: format, folder: Comparer.defaultName(format: format, sessions: compared), cli: cli
        ) { LocalizedMessage("compare.cli.written", ["format": .text(format.rawValue), "path": .text($0)]) }
    }

    /// The sessions named, or with --all every stored session of the workshop.
    private func referencesToLoad(_ cli: CLI) throws -> [String] {
        guard all, let workshop else { return sessions }
        let store = try storeOption.existing(cli)
        let ids = try cli.attempt { () throws(StoreError) in try store.sessions() }
            .filter { $0.workshopID == workshop }.map(\.id)
        guard ids.count >= 2 else {
            try cli.fail(
                LocalizedMessage(
                    "compare.cli.too_few_of_workshop",
                    ["workshop": .text(workshop), "path": .text(storeOption.path), "count": .count(ids.count)]))
        }
        return ids
    }
}

/// The order `compare` puts the sessions in.
enum CompareOrder: String, CaseIterable, Sendable {
    case date, given
}
