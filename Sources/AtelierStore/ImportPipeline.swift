import AtelierCore
import Foundation

/// Imports a recording file on threads of its own while the store's writer
/// inserts: `RecordingPipeline` reads the file on one thread and decodes and
/// packs (`PackedEvent`) its chunks of lines on two more; a checking thread
/// checks and folds the lines in order (`RecordingReader.accept`) and hands
/// each chunk's packed rows on once its lines are checked; the caller,
/// inside the store's write transaction, inserts them as they come. At most
/// `ahead` chunks wait between the two, so neither the file nor its events
/// are ever held whole.
///
/// What the writer is handed, in order: the header (first), each chunk's
/// packed rows, then the session's summary once every line is checked, or
/// the first problem met (after the rows before it).
enum ImportPipeline {
    /// Chunks of packed rows waiting for the writer: enough to ride out a
    /// thread woken late on a busy machine (about a megabyte).
    private static let ahead = 4

    /// Events packed one after the other, with where each ends.
    struct Rows: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var seqs: [Int64] = []
        var times: [Int64] = []

        var count: Int { ends.count }

        init() {
            let lines = RecordingPipeline.chunkSize
            bytes.reserveCapacity(lines * 32)
            ends.reserveCapacity(lines)
            seqs.reserveCapacity(lines)
            times.reserveCapacity(lines)
        }

        mutating func append(_ recorded: RecordedEvent) {
            PackedEvent.append(recorded.event, actor: recorded.actor, to: &bytes)
            ends.append(bytes.count)
            seqs.append(recorded.seq)
            times.append(recorded.time)
        }
    }

    enum Message: Sendable {
        case header(RecordingHeader)
        case rows(Rows)
        /// Every line read and checked: the session as it ends.
        case finished(SessionSummary)
        /// The first problem of the file (after the rows before it).
        case failed(any Error)
    }

    /// Calls `body` with each message, in order, on the caller's thread,
    /// while the file is read, checked and packed on others. Stops as soon
    /// as `body` throws (the other threads end) and rethrows its error.
    static func forEachMessage(ofFile path: String, _ body: (Message) throws -> Void) throws {
        let channel = Channel()
        let checker = Thread { channel.produce(path) }
        checker.name = "atelier.import.check"
        checker.start()
        defer { channel.stop() }
        while let message = channel.take() {
            try body(message)
        }
    }

    /// The caller stopped taking messages.
    private struct Stopped: Error {}

    /// Hands messages from the checking thread to the caller's. Unchecked
    /// `Sendable`: every stored variable is read and written only with
    /// `condition` locked.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var queued: [Message] = []
        /// The checking thread sent its last message.
        private var ended = false
        /// The caller is done: the checking thread ends.
        private var stopped = false
        /// The checking thread has not returned yet.
        private var running = true

        /// On the checking thread: checks the file's lines in order and
        /// hands on each chunk's events, packed by the decoding threads, once
        /// every line of the chunk is checked.
        func produce(_ path: String) {
            var reader = RecordingReader(file: path)
            do {
                try RecordingPipeline.forEachChunk(ofFile: path, packing: true) { lines, rows in
                    for index in lines.indices {
                        // nil: the header line (line 1); the writer opens the session.
                        guard try reader.accept(lines[index]) == nil, let header = reader.header else { continue }
                        try send(.header(header))
                    }
                    if let rows, rows.count > 0 { try send(.rows(rows)) }
                }
                _ = try reader.finish()
                if let state = reader.state { try send(.finished(SessionSummary(state))) }
                end()
            } catch is Stopped {
                end()
            } catch {
                _ = try? send(.failed(error))
                end()
            }
        }

        /// Waits for room and queues a message; throws `Stopped` once the
        /// caller stopped.
        private func send(_ message: Message) throws {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            while queued.count >= ImportPipeline.ahead, !stopped { condition.wait() }
            guard !stopped else { throw Stopped() }
            queued.append(message)
        }

        private func end() {
            condition.lock()
            ended = true
            running = false
            condition.broadcast()
            condition.unlock()
        }

        /// On the caller's thread: the next message, nil after the last.
        func take() -> Message? {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            while queued.isEmpty, !ended { condition.wait() }
            guard !queued.isEmpty else { return nil }
            return queued.removeFirst()
        }

        /// On the caller's thread, once done: lets the checking thread end
        /// and waits for it.
        func stop() {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            condition.broadcast()
            while running { condition.wait() }
        }
    }
}
