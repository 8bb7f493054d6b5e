import ArgumentParser

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a stored session or a recording back."
    )

    func run() async throws {
        NotYetAvailable.exit("replay")
    }
}
