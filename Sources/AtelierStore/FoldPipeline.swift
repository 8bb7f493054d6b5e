import AtelierCore
import Foundation
import Synchronization

/// Folds a long journal on two threads: the caller reads and decodes rows
/// and hands them on in chunks; a thread of its own applies them, in order,
/// to the state. Reading SQLite and applying events each take about half of
/// a fold, so a long session loads in about half the time on a machine with
/// two cores (docs/performance.md); the state is the same as a plain fold's.
package final class FoldPipeline: Sendable {
    package static let chunkSize = 4096
    /// Chunks read ahead of the folding thread, at most (about 6 MB of
    /// events: slack for a busy machine, where a thread woken up may wait
    /// long for a core).
    private static let ahead = 16

    private let queue = Mutex<[[RecordedEvent]]>([])
    private let ready = DispatchSemaphore(value: 0)
    private let room = DispatchSemaphore(value: ahead)
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<SessionState?>(nil)

    package init(_ state: SessionState) {
        let thread = Thread { [self] in fold(state) }
        thread.name = "atelier.fold"
        thread.start()
    }

    /// Hands on a chunk of events, in journal order; an empty chunk ends.
    package func send(_ chunk: [RecordedEvent]) {
        room.wait()
        queue.withLock { $0.append(chunk) }
        ready.signal()
    }

    /// Ends the fold and waits for the state.
    package func finish() -> SessionState {
        send([])
        finished.wait()
        return result.withLock { $0! }
    }

    /// `state` with every event `read` hands on folded into it, in chunks
    /// on the folding thread; an error of `read` ends the fold and is thrown.
    package static func fold(
        _ state: SessionState, reading read: (_ hand: (RecordedEvent) -> Void) throws -> Void
    ) throws -> SessionState {
        let pipeline = FoldPipeline(state)
        var chunk: [RecordedEvent] = []
        chunk.reserveCapacity(chunkSize)
        do {
            try read { event in
                chunk.append(event)
                if chunk.count == chunkSize {
                    pipeline.send(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            _ = pipeline.finish()
            throw error
        }
        if !chunk.isEmpty { pipeline.send(chunk) }
        return pipeline.finish()
    }

    private func fold(_ start: SessionState) {
        var state = start
        while true {
            ready.wait()
            let chunk = queue.withLock { $0.removeFirst() }
            room.signal()
            if chunk.isEmpty { break }
            for event in chunk { state.apply(event) }
        }
        result.withLock { $0 = state }
        finished.signal()
    }
}
