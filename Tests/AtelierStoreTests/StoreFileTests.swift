import AtelierCore
import AtelierStore
import Foundation
import Testing

/// What the store accepts to open, and what it refuses without touching.
@Suite struct StoreFileTests {
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func refusal(_ path: String) -> String {
        do {
            _ = try SessionStore(path: path)
            return "opened"
        } catch {
            return TestSupport.english(error.message)
        }
    }

    @Test func aTextFileIsRefusedAndLeftAsItWas() throws {
        let path = TestSupport.folder() + "/notes.txt"
        try "Atelier du 3 mai : penser aux croissants.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let before = bytes(path)
        #expect(
            refusal(path)
                == "\(path) is not an atelier store; it was left untouched; give another file with --store PATH")
        #expect(bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
        let path = TestSupport.folder() + "/other.sqlite"
        // A store, whose mark is then taken off: the file is a plain SQLite database with tables.
        let store = try SessionStore(path: path)
        _ = try store.create(id: "s", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        try store.setMark(applicationID: 0, userVersion: 0)
        let before = bytes(path)
        #expect(
            refusal(path)
                == "\(path) is not an atelier store; it was left untouched; give another file with --store PATH")
        #expect(bytes(path) == before)
    }

    @Test func aStoreFromANewerAtelierIsRefusedAndLeftAsItWas() throws {
        let path = TestSupport.folder() + "/newer.sqlite"
        try SessionStore(path: path).setMark(applicationID: nil, userVersion: 7)
        let before = bytes(path)
        #expect(
            refusal(path)
                == "\(path) was written by a newer atelier (store version 7; this one reads up to version 6); "
                + "it was left untouched")
        #expect(bytes(path) == before)
    }

    @Test func missingFoldersAreCreatedAndAnEmptyFileBecomesAStore() throws {
        let folder = TestSupport.folder()
        let deep = folder + "/a/b/atelier.sqlite"
        _ = try SessionStore(path: deep).create(id: "s", workshop: TestSupport.copingPatterns, locale: "en", time: 5)
        #expect(try SessionStore(path: deep).sessions().map(\.id) == ["s"])
        let empty = folder + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try SessionStore(path: empty).sessions() == [])
    }

    @Test func createRefusesAnExistingOrInvalidID() throws {
        let store = try TestSupport.store()
        let first = try store.create(id: "atelier-1", workshop: TestSupport.copingPatterns, locale: "fr", time: 42)
        #expect(first.lastSeq == 1)
        #expect(first.locale == "fr")
        #expect(throws: StoreError("store.session_exists", ["session": .text("atelier-1")])) {
            try store.create(id: "atelier-1", workshop: TestSupport.copingPatterns, locale: "fr", time: 43)
        }
        #expect(throws: StoreError("store.invalid_session_id", ["session": .text("Atelier 1")])) {
            try store.create(id: "Atelier 1", workshop: TestSupport.copingPatterns, locale: "fr", time: 43)
        }
        #expect(try store.events(id: "atelier-1").count == 1)
    }

    @Test func appendRefusesAStaleSequenceAndAnUnknownSession() throws {
        let store = try TestSupport.store()
        _ = try store.create(id: "s", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        let note = PendingEvent(time: 1, actor: .facilitator, event: .noteAdded(stage: "intro", text: "a"))
        let appended = try store.append(session: "s", after: 1, [note, note])
        #expect(appended.map(\.seq) == [2, 3])
        #expect(
            throws: StoreError("store.conflict", ["session": .text("s"), "stored": .text("3"), "expected": .text("1")])
        ) {
            try store.append(session: "s", after: 1, [note])
        }
        #expect(
            TestSupport.english(
                StoreError("store.unknown_session", ["session": .text("t"), "known": .list(["s"])]).message)
                == "no session \"t\" in the store; sessions: s")
        #expect(throws: StoreError("store.unknown_session", ["session": .text("t"), "known": .list(["s"])])) {
            try store.append(session: "t", after: 0, [note])
        }
        #expect(try store.events(id: "s").map(\.seq) == [1, 2, 3])
    }

    @Test func sessionsSummarizeEachSession() async throws {
        let store = try TestSupport.store()
        _ = try await ScriptedSession.run(on: store)
        _ = try store.create(id: "b-later", workshop: TestSupport.copingPatterns, locale: "en", time: 1_714_600_000_000)
        let summaries = try store.sessions()
        #expect(summaries.map(\.id) == ["atelier-demo", "b-later"])
        let demo = summaries[0]
        #expect(demo.workshopID == "coping-patterns")
        #expect(demo.workshopVersion == 1)
        #expect(demo.startedAt == ScriptedSession.start)
        #expect(demo.lastEventAt == ScriptedSession.start + 8_000)
        #expect(demo.eventCount == 9)
        #expect(demo.departments == 2)
        #expect(demo.participants == 1)
        #expect(!demo.isOpen)
        #expect(summaries[1].isOpen)
        #expect(summaries[1].eventCount == 1)
    }

    @Test func seatsAreKeptAcrossOpeningsReplacedByNameAndRemoved() throws {
        let path = TestSupport.folder() + "/seats.sqlite"
        let store = try SessionStore(path: path)
        _ = try store.create(id: "room", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        _ = try store.create(id: "other", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        let zoe = StoredSeat(
            name: "zoé", department: "rh", locale: "fr", tokenDigest: String(repeating: "a1", count: 32))
        let ana = StoredSeat(
            name: "ana", department: "marketing", locale: "en", tokenDigest: String(repeating: "b2", count: 32))
        try store.saveSeat(zoe, session: "room")
        try store.saveSeat(ana, session: "room")
        let moved = StoredSeat(name: "ana", department: "marketing", locale: "fr", tokenDigest: ana.tokenDigest)
        try store.saveSeat(moved, session: "room")
        let reopened = try SessionStore(path: path)
        #expect(try reopened.seats(session: "room") == [moved, zoe])
        #expect(try reopened.seats(session: "other") == [])
        try reopened.removeSeat(name: "zoé", session: "room")
        #expect(try reopened.seats(session: "room") == [moved])
        #expect(throws: StoreError.self) { try reopened.saveSeat(zoe, session: "nowhere") }
    }

    @Test func integrityCheckSaysOK() throws {
        #expect(try TestSupport.store().integrityCheck() == "ok")
    }
}
