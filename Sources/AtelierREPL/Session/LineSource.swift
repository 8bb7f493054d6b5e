import Foundation
import Synchronization

/// Where the REPL's command lines come from.
public protocol LineSource: Sendable {
    /// The next line, or nil at the end of the input.
    func next(prompt: String) async -> String?
}

extension LineEditor: LineSource {
    public func next(prompt: String) async -> String? {
        if case .line(let text) = await readLine(prompt: prompt) { return text }
        return nil
    }
}

/// Lines given in advance (tests).
public final class FixedLines: LineSource {
    private let remaining: Mutex<[String]>

    public init(_ lines: [String]) {
        remaining = Mutex(lines)
    }

    public func next(prompt: String) async -> String? {
        remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}

/// The lines of a file descriptor (stdin of a script), read on a thread of
/// their own so that nothing else waits while the input is quiet.
public final class StreamLines: LineSource {
    private struct Queue {
        var lines: [String] = []
        var ended = false
        var waiting: CheckedContinuation<String?, Never>?
    }

    private let queue = Mutex(Queue())

    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        let thread = Thread { [self] in readAll(fileDescriptor) }
        thread.name = "atelier.script"
        thread.start()
    }

    public func next(prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            let ready: String?? = queue.withLock { queue in
                if !queue.lines.isEmpty { return .some(queue.lines.removeFirst()) }
                if queue.ended { return .some(nil) }
                queue.waiting = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func readAll(_ fd: Int32) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                deliver(pending[..<newline])
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { deliver(pending[...]) }
        let waiting = queue.withLock { queue in
            queue.ended = true
            defer { queue.waiting = nil }
            return queue.waiting
        }
        waiting?.resume(returning: nil)
    }

    private func deliver(_ bytes: ArraySlice<UInt8>) {
        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        let waiting = queue.withLock { queue -> CheckedContinuation<String?, Never>? in
            if let waiting = queue.waiting {
                queue.waiting = nil
                return waiting
            }
            queue.lines.append(line)
            return nil
        }
        waiting?.resume(returning: line)
    }
}
