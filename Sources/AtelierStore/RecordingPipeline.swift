import AtelierCore
import Foundation
import Synchronization

/// Reads a recording file on two threads: a thread of its own reads the
/// file a megabyte at a time, cuts it into lines and decodes each line on its
/// own (`RecordingLineDecoder`); the caller's thread checks them in order
/// (`RecordingReader.accept`: sequence, rules) and folds them. Lines decode
/// independently; only the check is sequential, so the two cores each take
/// a part. At most `ahead` chunks of `chunkSize` lines are in flight: the
/// file is never held whole, nor its events.
enum RecordingPipeline {
    static let chunkSize = 2048
    private static let ahead = 4

    /// Calls `body` with each line of the file, decoded, in order; a line
    /// number is the count of calls. Stops when `body` throws, and throws
    /// what stopped it, or, after the lines before it, the splitter's error.
    static func forEachLine(ofFile path: String, _ body: (DecodedLine) throws -> Void) throws {
        let channel = Channel()
        let thread = Thread { channel.produce(path) }
        thread.name = "atelier.recording"
        thread.start()
        defer { channel.stop() }
        while let chunk = channel.next() {
            switch chunk {
            case .lines(let lines):
                for line in lines { try body(line) }
            case .failed(let error):
                throw error
            }
        }
    }

    private enum Chunk: Sendable {
        case lines([DecodedLine])
        /// The splitter's error (the file cannot be read, a line is too long),
        /// after the lines before it.
        case failed(any Error)
    }

    /// The caller stopped reading: the reading thread ends.
    private struct Stopped: Error {}

    /// Hands chunks from the reading thread to the caller's.
    private final class Channel: Sendable {
        private let queue = Mutex<[Chunk?]>([])
        private let ready = DispatchSemaphore(value: 0)
        private let room = DispatchSemaphore(value: RecordingPipeline.ahead)
        private let stopped = Atomic<Bool>(false)
        private let done = DispatchSemaphore(value: 0)

        /// On the reading thread: decodes the file's lines and sends them in
        /// chunks, then nil; stops early when the caller stopped.
        func produce(_ path: String) {
            var decoder = RecordingLineDecoder()
            var lines: [DecodedLine] = []
            lines.reserveCapacity(RecordingPipeline.chunkSize)
            var number = 0
            do {
                try LineSplitter.lines(ofFile: path) { line, terminated in
                    number += 1
                    lines.append(decoder.decode(line, terminated: terminated, number: number))
                    if lines.count == RecordingPipeline.chunkSize {
                        guard send(.lines(lines)) else { throw Stopped() }
                        lines.removeAll(keepingCapacity: true)
                    }
                }
                if !lines.isEmpty { _ = send(.lines(lines)) }
            } catch is Stopped {
                // The caller stopped: nothing more to send.
            } catch {
                if !lines.isEmpty { _ = send(.lines(lines)) }
                _ = send(.failed(error))
            }
            _ = send(nil)
            done.signal()
        }

        /// Waits for room and queues the chunk; false once the caller stopped.
        private func send(_ chunk: Chunk?) -> Bool {
            room.wait()
            guard !stopped.load(ordering: .acquiring) else { return false }
            queue.withLock { $0.append(chunk) }
            ready.signal()
            return true
        }

        /// On the caller's thread: the next chunk, nil at the end.
        func next() -> Chunk? {
            ready.wait()
            let chunk = queue.withLock { $0.removeFirst() }
            room.signal()
            return chunk
        }

        /// On the caller's thread, once it is done (finished or failed): lets
        /// the reading thread end, and waits for it.
        func stop() {
            stopped.store(true, ordering: .releasing)
            for _ in 0...RecordingPipeline.ahead { room.signal() }
            done.wait()
        }
    }
}
