import AtelierCore
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// The bundled recording is what the script produces, and it reads back.
@Suite struct DemoRecordingTests {
    @Test func bundledRecordingIsWhatTheScriptWrites() throws {
        let scripted = try Demo.scriptedRecording()
        let url = Fixtures.root.appendingPathComponent(Demo.recordingPath)
        if Demo.regenerating { try Data(scripted.utf8).write(to: url, options: .atomic) }
        #expect(try Fixtures.text(Demo.recordingPath) == scripted)
    }

    /// A recording written before headers named their generator reads the same.
    @Test func aRecordingWithoutGeneratorReadsTheSame() throws {
        let text = try Fixtures.text(Demo.recordingPath)
        let older = text.replacingOccurrences(of: "\"generator\":\"\(AtelierVersion.generator)\",", with: "")
        #expect(older.count == text.count - "\"generator\":\"atelier 0.1.0\",".count)
        let (header, events) = try Recording.read(older, file: "older.jsonl")
        let (bundledHeader, bundledEvents) = try Recording.read(text, file: Demo.recordingPath)
        #expect(header == bundledHeader)
        #expect(events == bundledEvents)
    }

    @Test func theDemoIsTheRoomTheIssueDescribes() throws {
        let state = try Demo.bundledState()
        #expect(state.departments.map(\.id) == ["marketing", "service-client", "direction", "juridique", "rh"])
        #expect(state.participantOrder.count == 12)
        #expect(state.isEnded)
        #expect(state.strategies["marketing"]?.count == 1)
        #expect(!state.departments.contains { state.knows($0.id, "marketing") })
        #expect(state.sharesWith("service-client") == ["marketing", "direction", "rh"])
        #expect(state.departments.filter { state.knows($0.id, "service-client") }.map(\.id) == ["direction"])
        let kinds = Analysis.of(state).silos.map(\.kind)
        #expect(kinds.contains(.unsharedStrategy))
        #expect(kinds.contains(.believedShared))
    }
}

extension SessionState {
    fileprivate func sharesWith(_ department: String) -> [String] {
        departments.map(\.id).filter { shares(department, $0) }
    }
}
