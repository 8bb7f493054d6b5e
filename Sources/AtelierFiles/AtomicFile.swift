#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see either the old content or the whole new
/// one, never half of it: the bytes go to a temporary file in the same folder,
/// are flushed to disk (`fsync`), then the temporary file takes the final name.
///
/// Without `replace`, an existing file is never touched: the final name is
/// taken with `link`, which fails if the name exists, so two writers cannot
/// both believe they created the file.
public enum AtomicFile {
    /// - Parameter mode: the file's permissions (0o600 for a secret).
    public static func write(
        _ bytes: some Collection<UInt8>, to path: String, replace: Bool, mode: mode_t = 0o644
    ) throws(FilesError) {
        if !replace, TextFile.exists(path) { throw .alreadyExists(path: path) }
        let temporary = try writeTemporary(Array(bytes), near: path, mode: mode)
        try commit(temporary, to: path, replace: replace)
    }

    public static func write(_ text: String, to path: String, replace: Bool) throws(FilesError) {
        try write(Array(text.utf8), to: path, replace: replace)
    }

    /// Writes the bytes to a new temporary file next to `path`, flushed to disk;
    /// returns the temporary file's path.
    static func writeTemporary(_ bytes: [UInt8], near path: String, mode: mode_t = 0o644) throws(FilesError) -> String {
        let (folder, name) = split(path)
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .writeFailed(path: path, reason: .current) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FilesError) {
            try writeAll(bytes, to: fd, path: path)
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw .writeFailed(path: path, reason: .current) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else {
            let reason = SystemReason.current
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        return temporary
    }

    /// Gives `temporary` its final name and flushes the folder entry.
    static func commit(_ temporary: String, to path: String, replace: Bool) throws(FilesError) {
        if replace {
            guard rename(temporary, path) == 0 else {
                let reason = SystemReason.current
                unlink(temporary)
                throw .writeFailed(path: path, reason: reason)
            }
        } else {
            guard link(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                if code == EEXIST { throw .alreadyExists(path: path) }
                throw .writeFailed(path: path, reason: SystemReason(errno: code))
            }
            unlink(temporary)
        }
        syncFolder(of: path)
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FilesError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: .current)
            }
            offset += written
        }
    }

    /// Flushes a folder so a rename in it survives a crash.
    static func syncFolder(of path: String) {
        let fd = open(split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The folder (`.` when none is given) and the last component of a path.
    static func split(_ path: String) -> (folder: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
        let folder = trimmed[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(trimmed[trimmed.index(after: slash)...]))
    }
}

/// The C `write`, which `AtomicFile.write` hides inside the type.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
