import ArgumentParser
import AtelierCore

/// `atelier`: argument parsing and wiring only; the work is in the modules.
@main
struct Atelier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "Lead a social-media maturity workshop with a company's departments.",
        version: AtelierVersion.number,
        subcommands: [
            RunCommand.self, JoinCommand.self, ResumeCommand.self, SessionsCommand.self, ReplayCommand.self,
            ExportCommand.self, CompareCommand.self, RecordCommand.self, DemoCommand.self, ValidateCommand.self,
            WorkshopsCommand.self, StoreCommand.self, WatchCommand.self,
            BenchmarkCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// ArgumentParser's `main`, with a refused command line said in the
    /// reader's language (`CommandLineRefusal`).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            CommandLineRefusal.exit(error)
        }
    }
}
