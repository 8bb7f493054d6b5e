import AtelierFiles

/// Puts an export on disk, atomically: a file through `AtomicFile`, the CSV
/// folder through `AtomicDirectory`. Something already at the target is
/// replaced only when `replace` is true (`--force`, or `force` in the
/// REPL's `export`); otherwise `FilesError.alreadyExists`.
public enum ExportWriter {
    /// Whether writing to `path` would replace a file or folder; the REPL
    /// refuses its `export` then, unless `force` is given.
    public static func targetExists(_ path: String) -> Bool { TextFile.exists(path) }

    public static func write(_ output: ExportOutput, to path: String, replace: Bool) throws(FilesError) {
        switch output {
        case .file(let bytes):
            try AtomicFile.write(bytes, to: path, replace: replace)
        case .folder(let files):
            try AtomicDirectory.write(
                files.map { AtomicDirectory.Entry(name: $0.name, bytes: $0.bytes) }, to: path, replace: replace)
        }
    }
}
