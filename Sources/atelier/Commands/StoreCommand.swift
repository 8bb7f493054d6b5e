import ArgumentParser
import AtelierCore
import AtelierStore

/// `atelier store copy FROM TO`: sessions from one store into another
/// (SQLite file or postgres://...), idempotent and checked (`StoreCopy`).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move sessions between stores (SQLite files and PostgreSQL databases).",
        subcommands: [Copy.self]
    )

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every session of one store into another; sessions already there, the same, are skipped.")

        @Argument(help: "The store to read: an SQLite file or postgres://USER@HOST[:PORT]/DB.")
        var from: String

        @Argument(help: "The store to write into (created if it is a new SQLite file or an empty database).")
        var to: String

        @OptionGroup var language: LanguageOption

        func run() async throws {
            let cli = try CLI(locale: language.locale)
            let (shownFrom, shownTo) = (StoreChoice.display(from), StoreChoice.display(to))
            if shownFrom == shownTo {
                try cli.fail(LocalizedMessage("store.copy.same", ["from": .text(shownFrom), "to": .text(shownTo)]))
            }
            guard StoreChoice.exists(from) else {
                try cli.fail(LocalizedMessage("store.no_store", ["path": .text(from)]))
            }
            let source = try cli.attempt { () throws(StoreError) in try StoreChoice.open(from, readOnly: true) }
            let target = try cli.attempt { () throws(StoreError) in try StoreChoice.open(to) }
            let outcome = try cli.attempt { () throws(StoreError) in try StoreCopy.copy(from: source, to: target) }
            cli.say(
                LocalizedMessage(
                    "store.copy.done",
                    [
                        "count": .count(outcome.copied.count), "skipped": .text("\(outcome.skipped.count)"),
                        "from": .text(source.location), "to": .text(target.location),
                    ]))
        }
    }
}
