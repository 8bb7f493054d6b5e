import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a live session of a workshop and lead it from the REPL."
    )

    func run() async throws {
        NotYetAvailable.exit("run")
    }
}
