import ArgumentParser
import AtelierCore
import AtelierReplay
import AtelierStore
import AtelierTerminal

/// `atelier benchmark SESSION`: the session's company and departments placed
/// among every other stored session of the same workshop (percentiles of
/// the maturity level and of each item's median), the others unnamed; on
/// either store.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Place a session among the other stored sessions of its workshop, naming none of them."
    )

    @Argument(help: "The session's id (see atelier sessions).")
    var session: String

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let store = try storeOption.existing(cli)
        let summaries = try cli.attempt { () throws(StoreError) in try store.sessions() }
        guard let placed = summaries.first(where: { $0.id == session }) else {
            // The store's own sentence for an unknown session.
            _ = try cli.attempt { () throws(StoreError) in try store.load(id: session) }
            return
        }
        let compared = try summaries.filter { $0.workshopID == placed.workshopID }.map { summary -> ComparedSession in
            let state = try cli.attempt { () throws(StoreError) in try store.load(id: summary.id) }
            return ComparedSession(state: state, analysis: Analysis.of(state, language: cli.catalog.language))
        }
        guard let target = compared.first(where: { $0.id == session }) else { return }
        let benchmark = Benchmark.of(target, among: compared)
        for line in BenchmarkView.lines(benchmark: benchmark, state: target.state, context: ReplayPace.context(cli)) {
            cli.say(line: line)
        }
    }
}
