import Foundation
import Synchronization

/// Where the REPL's command lines come from.
public protocol LineSource: Sendable {
    /// The next line, or nil at the end of the input.
    func next(prompt: String) async -> String?

    /// Replaces the prompt of the line being read (a countdown in it); a
    /// source that shows no prompt ignores it.
    func update(prompt: String)
}

extension LineSource {
    public func update(prompt: String) {}
}

extension LineEditor: LineSource {
    public func update(prompt: String) { setPrompt(prompt) }

    public func next(prompt: String) async -> String? {
        if case .line(let text) = await readLine(prompt: prompt) { return text }
        return nil
    }
}

/// Lines handed over one by one (by a reading thread, or by a test), read
/// in the same order.
public final class LineQueue: LineSource {
    private struct State {
        var lines: [String] = []
        var ended = false
        var waiting: CheckedContinuation<String?, Never>?
    }

    private let state = Mutex(State())

    public init(_ lines: [String] = []) {
        state.withLock { $0.lines = lines }
    }

    public func push(_ line: String) {
        let waiting = state.withLock { state -> CheckedContinuation<String?, Never>? in
            guard let waiting = state.waiting else {
                state.lines.append(line)
                return nil
            }
            state.waiting = nil
            return waiting
        }
        waiting?.resume(returning: line)
    }

    /// No more lines: `next` returns nil once the queue is empty.
    public func end() {
        let waiting = state.withLock { state -> CheckedContinuation<String?, Never>? in
            state.ended = true
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.resume(returning: nil)
    }

    public func next(prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            let ready: String?? = state.withLock { state in
                if !state.lines.isEmpty { return .some(state.lines.removeFirst()) }
                if state.ended { return .some(nil) }
                state.waiting = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// The lines of a file descriptor (a script on stdin), read on a thread of
/// their own so that nothing else waits while the input is quiet.
public final class StreamLines: LineSource {
    private let queue = LineQueue()

    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        let thread = Thread { [queue] in Self.readAll(fileDescriptor, into: queue) }
        thread.name = "atelier.script"
        thread.start()
    }

    public func next(prompt: String) async -> String? {
        await queue.next(prompt: prompt)
    }

    private static func readAll(_ fd: Int32, into queue: LineQueue) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                queue.push(line(pending[..<newline]))
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { queue.push(line(pending[...])) }
        queue.end()
    }

    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        let line = String(decoding: bytes, as: UTF8.self)
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
