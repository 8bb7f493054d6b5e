import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a folder of files (the CSV export) so that it appears whole or not
/// at all: every file is written and flushed inside a temporary folder next
/// to the target, which is then renamed to the target's name.
///
/// With `replace`, an existing folder is first moved aside, the new one takes
/// its name, and the old one is deleted; if the last rename fails, the old
/// folder is put back. Without `replace`, an existing target is left alone.
public enum AtomicDirectory {
    /// One file of the folder: a plain name (no `/`) and its bytes.
    public struct Entry: Sendable {
        public let name: String
        public let bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        public init(name: String, text: String) {
            self.init(name: name, bytes: Array(text.utf8))
        }
    }

    public static func write(_ entries: [Entry], to path: String, replace: Bool) throws(FilesError) {
        for entry in entries where !isPlainName(entry.name) { throw .badFileName(entry.name) }
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.name).inserted { throw .badFileName(entry.name) }
        let exists = TextFile.exists(path)
        if exists, !replace { throw .alreadyExists(path: path) }
        if exists, !TextFile.isDirectory(path) { throw .writeFailed(path: path, reason: .notDirectory) }

        let temporary = try makeTemporaryFolder(near: path, tag: "tmp")
        do throws(FilesError) {
            for entry in entries {
                let file = temporary + "/" + entry.name
                let written = try AtomicFile.writeTemporary(entry.bytes, near: file)
                try AtomicFile.commit(written, to: file, replace: false)
            }
        } catch {
            removeTree(temporary)
            throw error
        }

        guard exists else {
            guard rename(temporary, path) == 0 else {
                let code = errno
                removeTree(temporary)
                if code == EEXIST || code == ENOTEMPTY { throw .alreadyExists(path: path) }
                throw .writeFailed(path: path, reason: SystemReason(errno: code))
            }
            AtomicFile.syncFolder(of: path)
            return
        }
        // An empty placeholder reserves a unique name; rename replaces an empty folder.
        let backup: String
        do throws(FilesError) {
            backup = try makeTemporaryFolder(near: path, tag: "old")
        } catch {
            removeTree(temporary)
            throw error
        }
        guard rename(path, backup) == 0 else {
            let reason = SystemReason.current
            removeTree(temporary)
            removeTree(backup)
            throw .writeFailed(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = SystemReason.current
            rename(backup, path)
            removeTree(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        AtomicFile.syncFolder(of: path)
        removeTree(backup)
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    static func makeTemporaryFolder(near path: String, tag: String) throws(FilesError) -> String {
        let (folder, name) = AtomicFile.split(path)
        var template = Array("\(folder)/.\(name).\(tag)-XXXXXX".utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard result != nil else { throw .writeFailed(path: path, reason: .current) }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
