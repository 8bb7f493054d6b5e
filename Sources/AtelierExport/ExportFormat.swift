/// The formats a session summary is exported to.
public enum ExportFormat: String, CaseIterable, Sendable {
    case md, json, csv, html

    /// CSV is a folder of several files; the others are one file each.
    public var isFolder: Bool { self == .csv }

    /// The file name a summary of this session gets when no path is given.
    public func defaultName(session: String) -> String {
        isFolder ? "\(session)-csv" : "\(session).\(rawValue)"
    }
}

/// One exported file: its name inside a folder export, and its bytes.
public struct ExportFile: Sendable, Hashable {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }
}

/// What an export produces, before anything touches the disk.
public enum ExportOutput: Sendable, Hashable {
    /// The bytes of one file (md, json, html).
    case file([UInt8])
    /// Named files that go together in one folder (csv).
    case folder([ExportFile])
}
