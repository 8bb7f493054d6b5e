import ArgumentParser
import AtelierCore
import AtelierFiles
import Foundation

/// The `--locale` option every subcommand that prints takes.
///
///     @OptionGroup var language: LanguageOption
struct LanguageOption: ParsableArguments {
    @ArgumentParser.Option(
        name: .long, help: "Language of the messages (fr, en); else LC_ALL, LC_MESSAGES, LANG, else fr.")
    var locale: String?
}

/// How a subcommand talks to a person: every sentence comes from the locale
/// catalog chosen by `--locale` (else LC_ALL/LC_MESSAGES/LANG, else French).
///
/// Use in a subcommand:
///
///     struct ThingCommand: AsyncParsableCommand {
///         @OptionGroup var language: LanguageOption
///
///         func run() async throws {
///             let cli = CLI(locale: language.locale)          // exits 64 on an unknown --locale
///             let entry = cli.orExit { () throws(FilesError) in try WorkshopLibrary().load("coping-patterns") }
///             cli.say(LocalizedMessage("cli.thing.done", ["workshop": .text(entry.id)]))  // stdout, flushed
///             cli.warn(LocalizedMessage("cli.thing.careful"))                         // stderr
///             cli.fail(LocalizedMessage("cli.thing.failed"), code: 1)                 // stderr, then exit
///         }
///     }
///
/// `cli.catalog` is the chosen catalog, for rendering with `Catalog.render`,
/// `text` and `format`. Lines go to stdout with a flush after each, so a
/// process reading through a pipe sees them at once.
struct CLI: Sendable {
    /// The exit code of a run that found problems or failed.
    static let failure: Int32 = 1
    /// The exit code of a command line that cannot be understood (as ArgumentParser uses).
    static let usage: Int32 = ExitCode.validationFailure.rawValue

    let catalog: Catalog
    let locales: LocaleLibrary

    /// Chooses the catalog; an explicit `--locale` that no locale file provides
    /// is refused with the list of languages available.
    init(
        locale explicit: String?, locales: LocaleLibrary = LocaleLibrary(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.locales = locales
        catalog = locales.catalog(explicit: explicit, environment: environment)
        if let explicit, LocaleChoice.language(of: explicit, available: locales.languages) == nil {
            fail(
                LocalizedMessage(
                    "cli.unknown_locale", ["locale": .text(explicit), "accepted": .list(locales.languages)]),
                code: Self.usage)
        }
    }

    func text(_ message: LocalizedMessage) -> String {
        catalog.render(message)
    }

    /// Prints a message on stdout.
    func say(_ message: LocalizedMessage) {
        say(line: text(message))
    }

    /// Prints an already rendered line on stdout.
    func say(line: String) {
        print(line)
        fflush(nil)
    }

    /// Prints a message on stderr.
    func warn(_ message: LocalizedMessage) {
        warn(line: text(message))
    }

    func warn(line: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints a message on stderr and ends the program with `code`.
    func fail(_ message: LocalizedMessage, code: Int32 = CLI.failure) -> Never {
        warn(message)
        exit(code)
    }

    /// Runs `body`; on a file error, prints its message on stderr and exits 1.
    func orExit<T>(_ body: () throws(FilesError) -> T) -> T {
        do throws(FilesError) {
            return try body()
        } catch {
            fail(error.message)
        }
    }
}
