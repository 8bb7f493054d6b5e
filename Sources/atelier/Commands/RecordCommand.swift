import ArgumentParser

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Export or import a session recording (JSON Lines)."
    )

    func run() async throws {
        NotYetAvailable.exit("record")
    }
}
