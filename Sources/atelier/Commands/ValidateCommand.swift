import ArgumentParser

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check workshop and locale files."
    )

    func run() async throws {
        NotYetAvailable.exit("validate")
    }
}
