import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierReplay
import AtelierStore
import AtelierTerminal
import Foundation

/// `--store PATH`, shared by the subcommands that only read or import into
/// the store.
struct StoreOption: ParsableArguments {
    @ArgumentParser.Option(help: "The session store (SQLite). Default: $XDG_DATA_HOME/atelier/atelier.sqlite.")
    var store: String?

    var path: String { store ?? XDGPaths().store }

    /// The store, which must already exist (reading never creates one).
    func existing(_ cli: CLI) -> SessionStore {
        guard TextFile.exists(path) else { cli.fail(LocalizedMessage("store.no_store", ["path": .text(path)])) }
        return cli.orFail { () throws(StoreError) in try SessionStore(path: path, readOnly: true) }
    }
}

/// `atelier sessions`: the stored sessions, oldest first, as a table.
/// `atelier sessions --workshop ID`: that workshop's sessions as a history,
/// the company's and each department's maturity and medians over time.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the store."
    )

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var language: LanguageOption

    @ArgumentParser.Option(name: .long, help: "A workshop id: its sessions over time.")
    var workshop: String?

    func run() async throws {
        let cli = CLI(locale: language.locale)
        guard TextFile.exists(storeOption.path) else {
            cli.say(LocalizedMessage("store.sessions.none", ["path": .text(storeOption.path)]))
            return
        }
        let summaries = cli.orFail { () throws(StoreError) in try storeOption.existing(cli).sessions() }
        if let workshop {
            trend(cli, summaries.filter { $0.workshopID == workshop }, workshop: workshop)
            return
        }
        guard !summaries.isEmpty else {
            cli.say(LocalizedMessage("store.sessions.none", ["path": .text(storeOption.path)]))
            return
        }
        let columns = ["id", "workshop", "started", "last_event", "events", "departments", "participants", "status"]
        var rows = [columns.map { cli.text(LocalizedMessage("store.sessions.column.\($0)")) }]
        let formatter = Self.timeFormatter()
        for summary in summaries {
            rows.append([
                summary.id, "\(summary.workshopID) v\(summary.workshopVersion)",
                Self.time(summary.startedAt, formatter),
                Self.time(summary.lastEventAt, formatter), "\(summary.eventCount)", "\(summary.departments)",
                "\(summary.participants)",
                cli.text(LocalizedMessage(summary.isOpen ? "store.sessions.open" : "store.sessions.ended")),
            ])
        }
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.indices.map { WorkshopsCommand.pad(row[$0], widths[$0]) }
            cli.say(line: cells.joined(separator: "  ").trimmingSuffix())
        }
    }

    /// The workshop's sessions, oldest first, as `TrendView` tables.
    private func trend(_ cli: CLI, _ summaries: [SessionSummary], workshop: String) {
        guard !summaries.isEmpty else {
            cli.fail(
                LocalizedMessage(
                    "trend.cli.unknown_workshop", ["workshop": .text(workshop), "path": .text(storeOption.path)]))
        }
        let sessions = summaries.map { summary -> ComparedSession in
            switch SessionSource.load(summary.id, storePath: storeOption.path) {
            case .success(let loaded):
                let state = loaded.state()
                return ComparedSession(state: state, analysis: Analysis.shown(state, language: cli.catalog.language))
            case .failure(let error): cli.fail(error.message)
            }
        }
        let title = sessions.last.map { $0.workshop.title.text(cli.catalog.language) } ?? workshop
        cli.say(LocalizedMessage("trend.title", ["workshop": .text(title), "count": .count(sessions.count)]))
        cli.say(line: "")
        let formatter = Self.timeFormatter()
        let dates = summaries.map { Self.time($0.startedAt, formatter) }
        let context = TerminalContext(catalog: cli.catalog, width: TerminalWidth.measure(STDOUT_FILENO))
        for line in TrendView.lines(trend: Trend.of(sessions), dates: dates, context: context) {
            cli.say(line: line)
        }
    }

    /// A time as `YYYY-MM-DD HH:MM`, in the local time zone (`formatter`: `timeFormatter()`).
    static func time(_ time: Timestamp?, _ formatter: DateFormatter) -> String {
        guard let time else { return "-" }
        return formatter.string(from: Date(timeIntervalSince1970: Double(time) / 1000))
    }

    /// One formatter for the whole list: making one costs more than a row.
    static func timeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
