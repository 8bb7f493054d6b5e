import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierFiles
import Foundation

/// `-o PATH` and `--force`: where `export` and `compare` write. md, json and
/// html go to stdout without -o; csv is a folder and always needs a path.
/// Files are written atomically and never replaced without --force.
struct OutputOptions: ParsableArguments {
    @ArgumentParser.Option(
        name: [.short, .customLong("output")], help: "Where to write (a folder for csv); default: stdout.")
    var output: String?

    @Flag(name: .long, help: "Replace the file or folder if it exists.")
    var force = false

    /// Writes `rendered` to -o, else a folder format to `folder`, else to
    /// stdout; says `written(path)` once a path is written. A file already
    /// there is refused with a hint to add --force (exit 1).
    func write(
        _ rendered: ExportOutput, format: ExportFormat, folder: @autoclosure () -> String, cli: CLI,
        written: (String) -> LocalizedMessage
    ) throws(ExitCode) {
        guard let path = output ?? (format.isFolder ? folder() : nil) else {
            if case .file(let bytes) = rendered { FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        do throws(FilesError) {
            try ExportWriter.write(rendered, to: path, replace: force)
        } catch {
            cli.warn(error.message)
            if case .alreadyExists = error { cli.warn(LocalizedMessage("export.cli.use_force")) }
            throw ExitCode.failure
        }
        cli.say(written(path))
    }
}
