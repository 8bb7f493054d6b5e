import ArgumentParser

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay a bundled example workshop and show its summary."
    )

    func run() async throws {
        NotYetAvailable.exit("demo")
    }
}
