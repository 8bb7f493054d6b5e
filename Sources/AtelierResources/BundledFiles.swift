import Foundation

/// The workshops, locales and recordings shipped with the program, and the
/// browser pages' style and scripts. They are embedded in the binary at build
/// time (the BundleFiles plugin reads the repository's `workshops/`,
/// `locales/`, `recordings/` and `Sources/AtelierWeb/Assets/`), so an
/// installed `atelier` works from any folder and serves nothing from the disk.
public enum BundledFiles {
    /// One shipped file: its folder (`workshops`, `locales`, `recordings`, `web`), name and bytes.
    public struct File: Sendable {
        public let folder: String
        public let name: String
        public let bytes: [UInt8]

        /// The content as UTF-8 text, or nil if it is not text.
        public var text: String? { String(validating: bytes, as: UTF8.self) }
    }

    /// Every shipped file, sorted by folder then name.
    public static let all: [File] = embedded.map { entry in
        File(folder: entry.folder, name: entry.name, bytes: [UInt8](Data(base64Encoded: entry.base64) ?? Data()))
    }
    .sorted { ($0.folder, $0.name) < ($1.folder, $1.name) }

    public static func files(in folder: String) -> [File] {
        all.filter { $0.folder == folder }
    }

    public static var workshops: [File] { files(in: "workshops") }
    public static var locales: [File] { files(in: "locales") }
    public static var recordings: [File] { files(in: "recordings") }
    /// The browser pages' style sheet and scripts (AtelierWeb).
    public static var web: [File] { files(in: "web") }
}
