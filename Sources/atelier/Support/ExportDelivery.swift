import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierFiles
import Foundation

extension CLI {
    /// Where `export` and `compare` put what they rendered: stdout when no
    /// path is given (a file format only; the caller names a folder for csv),
    /// else the path, atomically, replacing what is there only with `force`;
    /// then `written` on stdout. A refused or failed write says why on
    /// stderr and exits 1, leaving nothing half-written.
    func deliver(
        _ rendered: ExportOutput, to path: String?, force: Bool, written: (String) -> LocalizedMessage
    ) throws {
        guard let path else {
            if case .file(let bytes) = rendered { FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        do throws(FilesError) {
            try ExportWriter.write(rendered, to: path, replace: force)
        } catch {
            warn(error.message)
            if case .alreadyExists = error { warn(LocalizedMessage("export.cli.use_force")) }
            throw ExitCode(CLI.failure)
        }
        say(written(path))
    }
}
