import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierStore

/// `atelier record export|import`: a session to and from its recording (JSON Lines).
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Export or import a session recording (JSON Lines).",
        subcommands: [Export.self, Import.self]
    )

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stored session to a recording file.")

        @Argument(help: "The session's id (see atelier sessions).")
        var session: String

        @ArgumentParser.Option(name: .shortAndLong, help: "The recording file to write (FILE.jsonl).")
        var output: String

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        @OptionGroup var storeOption: StoreOption
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let cli = try CLI(locale: language.locale)
            let store = try storeOption.existing(cli)
            let text = try cli.attempt { () throws(StoreError) in try store.exportRecording(id: session) }
            try cli.attempt { () throws(FilesError) in try AtomicFile.write(text, to: output, replace: force) }
            let count = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1
            cli.say(
                LocalizedMessage(
                    "store.export.done", ["session": .text(session), "count": .count(count), "file": .text(output)]))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a recording file and import it into the store (all or nothing).")

        @Argument(help: "The recording file (FILE.jsonl).")
        var file: String

        @ArgumentParser.Option(name: .customLong("as"), help: "Store the session under this id instead.")
        var newID: String?

        @OptionGroup var storeOption: StoreOption
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let cli = try CLI(locale: language.locale)
            // Said about the file, before any store is opened or created.
            if let reason = Recording.unreadable(file) {
                try cli.fail(
                    LocalizedMessage("store.import.not_a_file", ["file": .text(file), "reason": .text(reason)]))
            }
            let store = try storeOption.open(cli)
            let id = try cli.attempt { () throws(StoreError) in try store.importRecording(contentsOf: file, as: newID) }
            // The count the import kept with the session: nothing is folded again.
            let summary = try cli.attempt { () throws(StoreError) in try store.sessions().first { $0.id == id } }
            cli.say(
                LocalizedMessage(
                    "store.import.done",
                    [
                        "file": .text(file), "session": .text(id), "count": .count(summary?.eventCount ?? 0),
                        "path": .text(storeOption.path),
                    ]))
        }
    }
}
