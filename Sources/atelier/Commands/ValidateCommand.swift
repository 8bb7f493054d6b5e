import ArgumentParser
import AtelierCore
import AtelierFiles

/// `atelier validate FILE...`: every problem of every file as
/// `FILE:LINE:COLUMN: message`; exit 1 if there is any, else an ok line per file.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check workshop and locale files."
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "Workshop or locale files (a locale file has language: and messages:).")
    var files: [String]

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        var problemCount = 0
        for file in files {
            let report = FileValidation.check(file, locales: cli.locales)
            switch report.outcome {
            case .workshop(let workshop):
                cli.say(
                    LocalizedMessage(
                        "cli.validate.ok_workshop",
                        [
                            "file": .text(file), "id": .text(workshop.id), "version": .count(workshop.version),
                            "count": .count(workshop.stages.count),
                        ]))
            case .locale(let catalog):
                cli.say(
                    LocalizedMessage(
                        "cli.validate.ok_locale",
                        [
                            "file": .text(file), "language": .text(catalog.language), "name": .text(catalog.name),
                            "count": .count(catalog.messages.count),
                        ]))
            case .problems(_, let problems):
                problemCount += problems.count
                let cap = ProblemCap(problems)
                for problem in cap.shown {
                    cli.say(
                        line:
                            "\(file):\(problem.position.line):\(problem.position.column): \(cli.text(problem.message))")
                }
                for (key, count) in cap.hidden {
                    cli.say(
                        LocalizedMessage(
                            "cli.validate.more_of_kind",
                            ["file": .text(file), "count": .count(count), "key": .text(key)]))
                }
            case .unreadable(let error):
                problemCount += 1
                cli.say(error.message)
            }
        }
        if problemCount > 0 {
            cli.warn(LocalizedMessage("cli.validate.failed", ["count": .count(problemCount)]))
            throw ExitCode.failure
        }
    }
}
