import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierStore
import AtelierTerminal
import Foundation

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
        let cli = try CLI(locale: language.locale)
        guard StoreChoice.exists(storeOption.path) else {
            cli.say(LocalizedMessage("store.sessions.none", ["path": .text(storeOption.path)]))
            return
        }
        let store = try storeOption.existing(cli)
        let summaries = try cli.attempt { () throws(StoreError) in try store.sessions() }
        if let workshop {
            try trend(cli, summaries.filter { $0.workshopID == workshop }, workshop: workshop)
            return
        }
        guard !summaries.isEmpty else {
            cli.say(LocalizedMessage("store.sessions.none", ["path": .text(storeOption.path)]))
            return
        }
        let formatter = Self.timeFormatter()
        let rows = summaries.map { summary in
            [
                summary.id, "\(summary.workshopID) v\(summary.workshopVersion)",
                Self.time(summary.startedAt, formatter), Self.time(summary.lastEventAt, formatter),
                "\(summary.eventCount)", "\(summary.departments)", "\(summary.participants)",
                cli.text(LocalizedMessage(summary.isOpen ? "store.sessions.open" : "store.sessions.ended")),
            ]
        }
        // The ids are what one types next (resume, export, --workshop): never cut.
        let kinds: [TableLayout.Column.Kind] = [
            .fixed, .fixed, .fixed, .label(minimum: 10), .fixed, .fixed, .fixed, .fixed,
        ]
        let names = ["id", "workshop", "started", "last_event", "events", "departments", "participants", "status"]
        let columns = names.indices.map { index in
            TableLayout.Column(
                cli.text(LocalizedMessage("store.sessions.column.\(names[index])")), kinds[index],
                rightAligned: (4...6).contains(index))
        }
        // A narrow terminal leaves out the last event, then the counts of
        // departments, participants and events, rather than cut or wrap a line.
        let table = TableLayout.fitting(
            columns, cells: rows, width: TerminalWidth.measure(STDOUT_FILENO), leavingOut: [3, 5, 6, 4], indent: 0)
        cli.say(line: table.header)
        for row in rows { cli.say(line: table.row(row)) }
    }

    /// The workshop's sessions, oldest first, as `TrendView` tables.
    private func trend(_ cli: CLI, _ summaries: [SessionSummary], workshop: String) throws {
        guard !summaries.isEmpty else {
            try cli.fail(
                LocalizedMessage(
                    "trend.cli.unknown_workshop", ["workshop": .text(workshop), "path": .text(storeOption.path)]))
        }
        let sessions = try summaries.map { summary -> ComparedSession in
            let state = try cli.attempt(SessionSource.load(summary.id, store: storeOption.reader)).state()
            return ComparedSession(state: state, analysis: Analysis.shown(state, language: cli.catalog.language))
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
