import ArgumentParser

struct JoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a live session as a participant, from your own terminal."
    )

    func run() async throws {
        NotYetAvailable.exit("join")
    }
}
