import AtelierCore
import Foundation

/// Reads a recording file on several threads: a thread of its own reads the
/// file a megabyte at a time and cuts it into chunks of lines; two decoding
/// threads decode the chunks' lines, each line on its own
/// (`RecordingLineDecoder`); the caller's thread takes the chunks back in
/// order, checks each line (`RecordingReader.accept`: sequence, rules) and
/// folds it. Lines decode independently; only the check is sequential, so
/// every core takes a part. At most `ahead` chunks of `chunkSize` lines are
/// in flight: the file is never held whole, nor its events.
enum RecordingPipeline {
    static let chunkSize = 2048
    /// Deep enough (a few megabytes of lines) that on a busy machine, where
    /// a thread woken up may wait long for a core, the checking thread
    /// rarely finds the next chunk missing.
    private static let ahead = 24
    private static let decoders = 2

    /// Calls `body` with each line of the file, decoded, in order; a line
    /// number is the count of calls. Stops when `body` throws, and throws
    /// what stopped it, or, after the lines before it, the splitter's error.
    static func forEachLine(ofFile path: String, _ body: (DecodedLine) throws -> Void) throws {
        try forEachChunk(ofFile: path, packing: false) { lines, _ in
            for index in lines.indices { try body(lines[index]) }
        }
    }

    /// Calls `body` with each chunk of lines of the file, decoded, in order,
    /// and, when `packing`, the chunk's events packed for the store
    /// (`PackedEvent`) by the decoding threads: an import hands them to the
    /// store's writer once the chunk's lines are checked. Stops as
    /// `forEachLine(ofFile:_:)` does.
    static func forEachChunk(
        ofFile path: String, packing: Bool,
        _ body: (UnsafeBufferPointer<DecodedLine>, ImportPipeline.Rows?) throws -> Void
    ) throws {
        let channel = Channel(packing: packing)
        let reader = Thread { channel.read(path) }
        reader.name = "atelier.recording"
        reader.start()
        for number in 0..<decoders {
            let decoder = Thread { channel.decode() }
            decoder.name = "atelier.decode.\(number)"
            decoder.start()
        }
        defer { channel.stop() }
        var index = 0
        while let chunk = channel.take(index) {
            index += 1
            switch chunk {
            case .lines(let lines, let rows):
                // Each line lent to `body` in place, not copied out of the chunk.
                try lines.withUnsafeBufferPointer { lines in try body(lines, rows) }
            case .failed(let error):
                throw error
            }
        }
    }

    /// Lines as read, before decoding: their bytes one after the other.
    private struct RawChunk: Sendable {
        var bytes: [UInt8] = []
        /// Where each line ends in `bytes`.
        var ends: [Int] = []
        /// The number of the first line (1-based).
        var first = 1
        /// False when the last line has no line break (a cut file).
        var terminated = true
    }

    private enum Chunk: Sendable {
        /// The lines, and their events packed when the caller asked for it.
        case lines([DecodedLine], ImportPipeline.Rows?)
        /// The splitter's error (the file cannot be read, a line is too long),
        /// after the lines before it.
        case failed(any Error)
    }

    /// The caller stopped reading: the reading thread ends.
    private struct Stopped: Error {}

    /// Hands raw chunks from the reading thread to the decoding threads,
    /// and decoded chunks, by their index, to the caller's. Unchecked
    /// `Sendable`: every stored variable is read and written only with
    /// `condition` locked.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        /// The decoding threads also pack each chunk's events.
        private let packing: Bool
        /// Raw chunks waiting for a decoding thread, with their index.
        private var raw: [(index: Int, chunk: RawChunk)] = []
        /// No more raw chunks will come.
        private var rawEnded = false
        /// Chunks by index, waiting for the caller (nil: the end).
        private var done: [Int: Chunk?] = [:]
        /// Chunks of lines queued or decoded and not yet taken by the caller.
        private var inFlight = 0
        /// The caller is done: the other threads end.
        private var stopped = false
        /// The reading and decoding threads still running.
        private var running = 1 + RecordingPipeline.decoders

        init(packing: Bool) {
            self.packing = packing
        }

        private func locked<T>(_ body: () -> T) -> T {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            return body()
        }

        /// On the reading thread: cuts the file into raw chunks and queues
        /// them; then the splitter's error if any, and the end.
        func read(_ path: String) {
            var chunk = RawChunk()
            var index = 0
            var number = 0
            func send() throws {
                guard queue(index, chunk) else { throw Stopped() }
                index += 1
                chunk = RawChunk(first: number + 1)
            }
            do {
                try LineSplitter.lines(ofFile: path) { line, terminated in
                    number += 1
                    chunk.bytes.append(contentsOf: line)
                    chunk.ends.append(chunk.bytes.count)
                    chunk.terminated = terminated
                    if chunk.ends.count == RecordingPipeline.chunkSize { try send() }
                }
                if !chunk.ends.isEmpty { try send() }
                finish(index, nil)
            } catch is Stopped {
                // The caller stopped: nothing more to send.
            } catch {
                if chunk.ends.isEmpty || (try? send()) != nil {
                    finish(index, .failed(error))
                    finish(index + 1, nil)
                }
            }
            locked {
                rawEnded = true
                running -= 1
            }
        }

        /// Waits for room and queues a raw chunk; false once the caller stopped.
        private func queue(_ index: Int, _ chunk: RawChunk) -> Bool {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            while inFlight >= RecordingPipeline.ahead, !stopped { condition.wait() }
            guard !stopped else { return false }
            inFlight += 1
            raw.append((index, chunk))
            return true
        }

        /// Puts chunk `index` (an error, or nil: the end) for the caller.
        private func finish(_ index: Int, _ chunk: Chunk?) {
            locked { done[index] = .some(chunk) }
        }

        /// The next raw chunk for a decoding thread; nil when there are no more.
        private func nextRaw() -> (index: Int, chunk: RawChunk)? {
            condition.lock()
            defer { condition.unlock() }
            while raw.isEmpty, !rawEnded, !stopped { condition.wait() }
            guard !stopped, !raw.isEmpty else { return nil }
            return raw.removeFirst()
        }

        /// On a decoding thread: decodes raw chunks until there are no more.
        func decode() {
            var decoder = RecordingLineDecoder()
            while let (index, raw) = nextRaw() {
                var lines: [DecodedLine] = []
                lines.reserveCapacity(raw.ends.count)
                var rows = packing ? ImportPipeline.Rows() : nil
                raw.bytes.withUnsafeBufferPointer { bytes in
                    var start = 0
                    for (offset, end) in raw.ends.enumerated() {
                        let last = offset == raw.ends.count - 1
                        let line = decoder.decode(
                            UnsafeBufferPointer(rebasing: bytes[start..<end]),
                            terminated: !last || raw.terminated, number: raw.first + offset)
                        if case .event(let event) = line { rows?.append(event) }
                        lines.append(line)
                        start = end
                    }
                }
                locked { done[index] = .some(.lines(lines, rows)) }
            }
            locked { running -= 1 }
        }

        /// On the caller's thread: chunk `index`, nil at the end.
        func take(_ index: Int) -> Chunk? {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            while done.index(forKey: index) == nil { condition.wait() }
            let chunk = done.removeValue(forKey: index)!
            if case .lines = chunk { inFlight -= 1 }
            return chunk
        }

        /// On the caller's thread, once it is done (finished or failed): lets
        /// the other threads end, and waits for them.
        func stop() {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            condition.broadcast()
            while running > 0 { condition.wait() }
        }
    }
}
