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

    /// The English demo is the same session in English words: the same
    /// people, answers and times; departments, strategies and notes in English.
    @Test func bundledEnglishRecordingIsWhatTheScriptWrites() throws {
        let scripted = try Demo.scriptedRecording(DemoScript.english)
        let url = Fixtures.root.appendingPathComponent(Demo.englishRecordingPath)
        if Demo.regenerating { try Data(scripted.utf8).write(to: url, options: .atomic) }
        #expect(try Fixtures.text(Demo.englishRecordingPath) == scripted)
        let (header, events) = try Recording.read(scripted, file: Demo.englishRecordingPath)
        let english = SessionState.fold(id: header.session, workshop: header.workshop, events: events)
        let french = try Demo.bundledState()
        #expect(header.locale == "en")
        #expect(
            english.departments.map(\.name) == [
                "Marketing", "Customer service", "Leadership", "Legal", "Human resources",
            ])
        #expect(events.count == (try Demo.bundled()).events.count)
        #expect(events.map(\.time) == (try Demo.bundled()).events.map(\.time))
        // The same room: the same silos and maturity, under English ids.
        #expect(Analysis.of(english).silos.map(\.kind) == Analysis.of(french).silos.map(\.kind))
        #expect(Analysis.of(english).company.maturity?.level == Analysis.of(french).company.maturity?.level)
        #expect(english.notes.allSatisfy { !$0.text.contains("é") && !$0.text.contains(" ; ") })
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
