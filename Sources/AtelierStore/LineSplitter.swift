import AtelierCore
import Foundation

/// Cuts bytes into lines (without their line break), telling for each line
/// whether a line break ended it: a last line without one means a cut file.
/// A line longer than `RecordingReader.maxBytes(line:)` stops the reading
/// with `FILE:LINE` (a file's line is never read further than its limit).
enum LineSplitter {
    static let newline = UInt8(ascii: "\n")

    /// Every line of a text.
    static func lines(of text: String, file: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws {
        var text = text
        try text.withUTF8 { bytes in
            var number = 0
            let rest = try complete(bytes, file: file, number: &number, body)
            if !rest.isEmpty {
                try check(rest.count, file: file, line: number + 1)
                try body(rest, false)
            }
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
        var number = 0
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            let consumed = try pending.withUnsafeBufferPointer { bytes in
                bytes.count - (try complete(bytes, file: path, number: &number, body)).count
            }
            pending.removeFirst(consumed)
            // The line being read is already too long: no need to read the rest of it.
            try check(pending.count, file: path, line: number + 1)
        }
        if !pending.isEmpty {
            try pending.withUnsafeBufferPointer { try body($0, false) }
        }
    }

    /// Refuses line `line` when it holds more than its limit.
    private static func check(_ count: Int, file: String, line: Int) throws {
        let limit = RecordingReader.maxBytes(line: line)
        guard count > limit else { return }
        throw RecordingError(
            file: file, line: line,
            problem: LocalizedMessage(
                line == 1 ? "store.recording.header_too_long" : "store.recording.line_too_long",
                ["max": .count(limit / 1024)]))
    }

    /// Calls `body` for each line ended by a line break; returns the bytes
    /// after the last line break.
    private static func complete(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, number: inout Int,
        _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void
    ) throws -> UnsafeBufferPointer<UInt8> {
        var start = 0
        while let end = nextNewline(in: bytes, from: start) {
            number += 1
            try check(end - start, file: file, line: number)
            try body(UnsafeBufferPointer(rebasing: bytes[start..<end]), true)
            start = end + 1
        }
        return UnsafeBufferPointer(rebasing: bytes[start...])
    }

    /// The index of the next line break from `start`, found by the C
    /// library's `memchr` (a byte loop in Swift took a twentieth of a
    /// recording's reading).
    private static func nextNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(newline), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
