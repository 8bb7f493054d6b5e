import ArgumentParser

struct WorkshopsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshops",
        abstract: "List the available workshops."
    )

    func run() async throws {
        NotYetAvailable.exit("workshops")
    }
}
