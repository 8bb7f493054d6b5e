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

    /// An unknown `--locale` is refused while the command line is parsed.
    func validate() throws {
        _ = try CLI(locale: locale)
    }
}

/// How a subcommand talks to a person: every sentence comes from the locale
/// catalog chosen by `--locale` (else LC_ALL/LC_MESSAGES/LANG, else French).
///
/// A subcommand fails one way, as ArgumentParser's own tools do: what is
/// wrong with the command line is refused in `validate()`, before `run()`,
/// with a `ValidationError` in the reader's language (exit 64, ArgumentParser
/// adds the usage); what fails while it runs says its localized sentence on
/// stderr and throws `ExitCode.failure` (exit 1). ArgumentParser's `main`
/// ends the program; nothing calls `exit()`.
///
///     struct ThingCommand: AsyncParsableCommand {
///         @OptionGroup var language: LanguageOption
///
///         func validate() throws {
///             let cli = try CLI(locale: language.locale)
///             guard count > 0 else { try cli.refuse(LocalizedMessage("cli.thing.bad_count")) }  // Error: …, 64
///         }
///
///         func run() async throws {
///             let cli = try CLI(locale: language.locale)
///             let entry = try cli.attempt { () throws(FilesError) in try WorkshopLibrary().load("coping-patterns") }
///             cli.say(LocalizedMessage("cli.thing.done", ["workshop": .text(entry.id)]))  // stdout, flushed
///             cli.warn(LocalizedMessage("cli.thing.careful"))                         // stderr
///             try cli.fail(LocalizedMessage("cli.thing.failed"))                      // stderr, then exit 1
///         }
///     }
///
/// `cli.catalog` is the chosen catalog, for rendering with `Catalog.render`,
/// `text` and `format`. Lines go to stdout with a flush after each, so a
/// process reading through a pipe sees them at once.
struct CLI: Sendable {
    let catalog: Catalog
    let locales: LocaleLibrary

    /// Chooses the catalog; an explicit `--locale` that no locale file provides
    /// is refused with the list of languages available.
    init(
        locale explicit: String?, locales: LocaleLibrary = LocaleLibrary(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ValidationError) {
        self.locales = locales
        catalog = locales.catalog(explicit: explicit, environment: environment)
        if let explicit, LocaleChoice.language(of: explicit, available: locales.languages) == nil {
            try refuse(
                LocalizedMessage(
                    "cli.unknown_locale", ["locale": .text(explicit), "accepted": .list(locales.languages)]))
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

    /// Says the message on stderr and fails with exit 1: the command could not be done.
    func fail(_ message: LocalizedMessage) throws(ExitCode) -> Never {
        warn(message)
        throw ExitCode.failure
    }

    /// Refuses the command line in the reader's language: ArgumentParser says
    /// it as it says its own refusals (`Error: `, then the usage), exit 64.
    /// Thrown from `validate()`, it is not said when `--help` is asked for.
    func refuse(_ message: LocalizedMessage) throws(ValidationError) -> Never {
        throw ValidationError(text(message))
    }

    /// Runs `body`; a failure it throws is said on stderr and fails with exit 1.
    func attempt<T, Failure: LocalizedFailure>(_ body: () throws(Failure) -> T) throws(ExitCode) -> T {
        do throws(Failure) {
            return try body()
        } catch {
            try fail(error.message)
        }
    }

    /// `attempt` for a `Result`, as `SessionSource` gives.
    func attempt<T, Failure: LocalizedFailure>(_ result: Result<T, Failure>) throws(ExitCode) -> T {
        try attempt { () throws(Failure) in try result.get() }
    }
}
