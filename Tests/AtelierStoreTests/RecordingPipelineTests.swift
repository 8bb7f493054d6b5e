import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

@testable import AtelierStore

/// A recording file longer than a few chunks of lines, read on two threads.
@Suite struct RecordingPipelineTests {
    static func longRecording() throws -> (text: String, state: SessionState, store: SessionStore) {
        let (store, _) = try LongFoldTests.longSession()
        return (try store.exportRecording(id: "long"), try store.load(id: "long"), store)
    }

    @Test func aLongRecordingFoldsAndImportsFromItsFile() throws {
        let (text, state, store) = try Self.longRecording()
        let lines = text.split(separator: "\n").count
        #expect(lines > 4 * RecordingPipeline.chunkSize)
        let path = TestSupport.folder() + "/long.jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (header, folded) = try Recording.fold(contentsOf: path)
        #expect(header.eventCount == lines - 1)
        #expect(StateComparison.differences(state, folded) == [])
        let other = try TestSupport.store()
        #expect(try other.importRecording(contentsOf: path, as: "copy") == "copy")
        #expect(try other.sessions().map(\.eventCount) == [lines - 1])
        // Packed in batches on the checking thread, inserted on the writer's:
        // the same events as the store it came from, in the same order.
        #expect(try other.events(id: "copy") == store.events(id: "long"))
    }

    /// A session already stored stops the import at the header: the reading
    /// threads end without reading on, and the store keeps what it had.
    @Test func anImportOfASessionAlreadyStoredStopsAtTheHeader() throws {
        let (store, _) = try LongFoldTests.longSession()
        let path = TestSupport.folder() + "/long.jsonl"
        try store.exportRecording(id: "long").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try store.events(id: "long")
        #expect {
            try store.importRecording(contentsOf: path)
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none"))
                == "a session \"long\" is already in the store; nothing was imported; import it under another id with --as ID"
        }
        #expect(try store.events(id: "long") == before)
        #expect(try store.sessions().map(\.id) == ["long"])
    }

    /// A broken line in a later chunk is named with its number; the lines
    /// before it were checked first, and nothing is stored.
    @Test func aBrokenLineInALaterChunkIsNamed() throws {
        var lines = try Self.longRecording().text.split(separator: "\n").map(String.init)
        lines[6_000] = lines[6_000].replacingOccurrences(of: "\"type\":\"rated\"", with: "\"type\":\"rate\"")
        let path = TestSupport.folder() + "/broken.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let expected = "\(path):6001: unknown event type \"rate\"; known types: session_started, department_added, "
        #expect {
            try Recording.fold(contentsOf: path)
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none")).hasPrefix(expected)
        }
        let store = try TestSupport.store()
        #expect {
            try store.importRecording(contentsOf: path)
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none")).hasPrefix(expected)
        }
        #expect(try store.sessions() == [])
        #expect {
            try Recording.fold(contentsOf: path + ".missing")
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none"))
                == "cannot read \(path).missing: No such file or directory"
        }
    }
}
