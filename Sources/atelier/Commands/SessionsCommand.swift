import ArgumentParser

struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the store."
    )

    func run() async throws {
        NotYetAvailable.exit("sessions")
    }
}
