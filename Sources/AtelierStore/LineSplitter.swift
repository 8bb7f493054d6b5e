import Foundation

/// Cuts bytes into lines (without their line break), telling for each line
/// whether a line break ended it: a last line without one means a cut file.
enum LineSplitter {
    static let newline = UInt8(ascii: "\n")

    /// Every line of a text.
    static func lines(of text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws {
        var text = text
        try text.withUTF8 { bytes in
            let rest = try complete(bytes, body)
            if !rest.isEmpty { try body(rest, false) }
        }
    }

    /// Every line of a file, read a megabyte at a time.
    static func lines(ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw StoreError(
                "store.cannot_read_file", ["file": .text(path), "reason": .text(String(cString: strerror(errno)))])
        }
        defer { try? file.close() }
        var pending: [UInt8] = []
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            let consumed = try pending.withUnsafeBufferPointer { bytes in
                bytes.count - (try complete(bytes, body)).count
            }
            pending.removeFirst(consumed)
        }
        if !pending.isEmpty {
            try pending.withUnsafeBufferPointer { try body($0, false) }
        }
    }

    /// Calls `body` for each line ended by a line break; returns the bytes
    /// after the last line break.
    private static func complete(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void
    ) throws -> UnsafeBufferPointer<UInt8> {
        var start = 0
        while let end = bytes[start...].firstIndex(of: newline) {
            try body(UnsafeBufferPointer(rebasing: bytes[start..<end]), true)
            start = end + 1
        }
        return UnsafeBufferPointer(rebasing: bytes[start...])
    }
}
