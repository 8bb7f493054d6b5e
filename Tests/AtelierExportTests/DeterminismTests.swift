import AtelierCore
import AtelierExport
import AtelierLive
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// One session exported from the live session, after a resume from the
/// store, from an imported recording and from a direct fold gives the same
/// bytes in every format.
@Suite struct DeterminismTests {
    @Test func livePathsStoreAndRecordingGiveIdenticalFiles() async throws {
        let (header, events) = try Demo.bundled()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }

        // Live: the session's own actor, journaling to a real store, fed the
        // commands behind each recorded event.
        let livePath = folder.appendingPathComponent("live.sqlite").path
        let liveStore = try SessionStore(path: livePath)
        let first = try #require(events.first)
        let created = try liveStore.create(
            id: header.session, workshop: header.workshop, locale: header.locale, time: first.time, actor: first.actor)
        let live = LiveSession(state: created, journal: liveStore)
        for event in events.dropFirst() {
            let action = try #require(SessionState.action(reproducing: event.event))
            let outcome = await live.submit(Command(actor: event.actor, action: action, time: event.time))
            guard case .accepted(let recorded) = outcome else {
                Issue.record("event \(event.seq) was not accepted: \(outcome)")
                return
            }
            #expect(recorded == [event])
        }
        let liveState = live.state

        // Resume: a new store on the same file folds the journal again.
        let resumed = try SessionStore(path: livePath).load(id: header.session)

        // Import: the recording through a second store.
        let importStore = try SessionStore(path: folder.appendingPathComponent("import.sqlite").path)
        let imported = try importStore.importRecording(try Fixtures.text(Demo.recordingPath), file: Demo.recordingPath)
        let fromImport = try importStore.load(id: imported)

        // Direct fold of the recording's events.
        let folded = try Demo.bundledState()

        // A session created now records its consensus criteria and workshop digest in its first
        // event, which the bundled recording predates: the live journal folds like the recording's
        // events after that first event of its own.
        let opened = RecordedEvent(
            seq: 1, time: first.time, actor: first.actor, event: .opening(header.workshop, locale: header.locale))
        let foldedLive = SessionState.fold(
            id: header.session, workshop: header.workshop, events: [opened] + events.dropFirst())

        for language in ["en", "fr"] {
            let reference = try Demo.exports(folded, language: language)
            let liveReference = try Demo.exports(foldedLive, language: language)
            for (name, state) in [("live", liveState), ("resumed", resumed), ("imported", fromImport)] {
                let files = try Demo.exports(state, language: language)
                let reference = name == "imported" ? reference : liveReference
                #expect(files.map(\.path) == reference.map(\.path))
                for (file, expected) in zip(files, reference) {
                    #expect(file.bytes == expected.bytes, "\(name): \(file.path) differs")
                }
            }
        }
    }

    @Test func anExportReadsNoClock() throws {
        let state = try Demo.bundledState()
        let first = try Demo.exports(state, language: "en")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Demo.exports(state, language: "en")
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }
}
