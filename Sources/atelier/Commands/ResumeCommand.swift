import ArgumentParser

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Go back into a stored session where it was left."
    )

    func run() async throws {
        NotYetAvailable.exit("resume")
    }
}
