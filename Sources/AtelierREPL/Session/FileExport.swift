import AtelierCore
import AtelierExport
import AtelierFiles

/// `export FORMAT [PATH]`: the session's summary written atomically to PATH,
/// else to `SESSION.FORMAT` (a `SESSION-csv` folder for CSV) in the current
/// folder. A second export of the same name replaces the first.
public struct FileExport: SessionExport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var formats: [String] { ExportFormat.allCases.map(\.rawValue) }

    public func export(format name: String, path: String?, state: SessionState, catalog: Catalog) throws(Refusal)
        -> [String]
    {
        guard let format = ExportFormat(rawValue: name) else {
            throw Refusal("repl.error.unknown_format", ["format": .text(name), "known": .list(formats)])
        }
        let target = path ?? directory + "/" + format.defaultName(session: state.id)
        do throws(FilesError) {
            switch Exporter.render(format: format, state: state, catalog: catalog) {
            case .file(let bytes):
                try AtomicFile.write(bytes, to: target, replace: true)
            case .folder(let files):
                let entries = files.map { AtomicDirectory.Entry(name: $0.name, bytes: $0.bytes) }
                try AtomicDirectory.write(entries, to: target, replace: true)
            }
        } catch {
            throw Refusal(message: error.message)
        }
        return [catalog.text("repl.export.written", ["format": .text(format.rawValue), "path": .text(target)])]
    }
}
