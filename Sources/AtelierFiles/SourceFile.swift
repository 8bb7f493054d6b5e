import AtelierResources
import Foundation

/// A YAML file atelier reads: on disk, or shipped inside the binary.
struct SourceFile: Sendable {
    enum Origin: Sendable {
        case disk
        case bundled([UInt8])
    }

    /// The path on disk, or `bundled:FOLDER/NAME` for a shipped file.
    let path: String
    let origin: Origin

    func read() throws(FilesError) -> String {
        switch origin {
        case .disk:
            return try TextFile.read(path)
        case .bundled(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText(path: path) }
            return text
        }
    }

    /// The `.yaml` and `.yml` files of a folder on disk, sorted by name; none if it does not exist.
    static func yaml(inDirectory folder: String) -> [SourceFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            .map { SourceFile(path: folder + "/" + $0, origin: .disk) }
    }

    /// The shipped `.yaml` files of a folder (`workshops`, `locales`).
    static func yaml(bundled folder: String) -> [SourceFile] {
        BundledFiles.files(in: folder).filter { $0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml") }
            .map { SourceFile(path: "bundled:\(folder)/\($0.name)", origin: .bundled($0.bytes)) }
    }
}
