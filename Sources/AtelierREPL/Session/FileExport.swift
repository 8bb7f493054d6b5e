import AtelierCore
import AtelierExport
import AtelierFiles

/// `export FORMAT [PATH] [force]`: the session's summary written atomically
/// to PATH, else to `SESSION.FORMAT` (a `SESSION-csv` folder for CSV) in the
/// current folder. A file or folder already there is kept, and the export
/// refused, unless `force` asks to replace it (as `atelier export --force`).
public struct FileExport: SessionExport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var formats: [String] { ExportFormat.allCases.map(\.rawValue) }

    public func export(format name: String, path: String?, replace: Bool, state: SessionState, catalog: Catalog)
        throws(Refusal) -> [String]
    {
        guard let format = ExportFormat(rawValue: name) else {
            throw Refusal("repl.error.unknown_format", ["format": .text(name), "known": .list(formats)])
        }
        let target = path ?? directory + "/" + format.defaultName(session: state.id)
        let exists = Refusal("repl.export.exists", ["path": .text(target)])
        if !replace, ExportWriter.targetExists(target) { throw exists }
        do throws(FilesError) {
            try ExportWriter.write(
                Exporter.render(format: format, state: state, catalog: catalog), to: target, replace: replace)
        } catch {
            if case .alreadyExists = error { throw exists }
            throw Refusal(message: error.message)
        }
        return [catalog.text("repl.export.written", ["format": .text(format.rawValue), "path": .text(target)])]
    }
}
