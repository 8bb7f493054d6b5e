import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// The store holds who said what and lets participants resume: it is its
/// user's alone, keeps no token that works, and is read without being
/// written when it may not be.
@Suite struct StoreSecretsTests {
    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func holds(_ path: String, _ text: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.range(of: Data(text.utf8)) != nil
    }

    /// Was 0644 for the store and its -wal and -shm files.
    @Test func aNewStoreAndItsWALAreTheUsersAlone() throws {
        let folder = TestSupport.folder() + "/new"
        let path = folder + "/atelier.sqlite"
        let store = try SessionStore(path: path)
        _ = try store.create(id: "s", workshop: TestSupport.copingPatterns, locale: "en", time: 5)
        #expect(mode(folder) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
    }

    @Test func anExistingStoreIsBroughtToTheUsersAlone() throws {
        let path = TestSupport.folder() + "/old.sqlite"
        _ = try SessionStore(path: path)
        #expect(chmod(path, 0o644) == 0)
        _ = try SessionStore(path: path)
        #expect(mode(path) == 0o600)
    }

    /// Was: the seats table held resume tokens in clear, kept after the session ended.
    @Test func seatsKeepDigestsOnlyAndGoWhenTheSessionEnds() throws {
        let path = TestSupport.folder() + "/seats.sqlite"
        let store = try SessionStore(path: path)
        _ = try store.create(id: "room", workshop: TestSupport.copingPatterns, locale: "en", time: 0)
        let token = "0123456789abcdef0123456789abcdef"
        let digest = SeatToken.digest(token)
        // sha256sum of the same 32 characters.
        #expect(digest == "3eb1bd439947eb762998e566ccc2e099c791118b2f40579cc4f7da2b5061b7f9")
        #expect(SeatToken.matches(token, digest: digest))
        #expect(!SeatToken.matches("0123456789abcdef0123456789abcdee", digest: digest))
        try store.saveSeat(
            StoredSeat(name: "ana", department: "hr", locale: "en", tokenDigest: digest), session: "room")
        #expect(try store.seats(session: "room").map(\.tokenDigest) == [digest])
        for file in [path, path + "-wal"] { #expect(!holds(file, token)) }
        _ = try store.append(
            session: "room", after: 1, [PendingEvent(time: 1, actor: .facilitator, event: .sessionEnded)])
        #expect(try store.seats(session: "room") == [])
    }

    /// A store written before digests: its tokens become digests, those of
    /// ended sessions go, and no token is left anywhere in the files.
    @Test func aStoreWithTokensInClearIsMigrated() throws {
        let folder = TestSupport.folder()
        let current = try SessionStore(path: folder + "/current.sqlite")
        _ = try current.create(id: "live", workshop: TestSupport.copingPatterns, locale: "en", time: 0)
        _ = try current.create(id: "over", workshop: TestSupport.copingPatterns, locale: "en", time: 0)
        _ = try current.append(
            session: "over", after: 1, [PendingEvent(time: 1, actor: .facilitator, event: .sessionEnded)])
        let live = "aaaabbbbccccdddd0000111122223333"
        let over = "99998888777766665555444433332222"
        // As the version 3 schema left it: the same sessions, their events in
        // typed columns and packed, and the seats' tokens in clear.
        let path = folder + "/v3.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3-participant-seats")
        let journals = try ["live", "over"].map { try current.events(id: $0) }
        try queue.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current.path])
            try db.execute(
                sql: """
                    INSERT INTO sessions SELECT key, id, workshop_id, workshop_version, locale, started_at, workshop
                    FROM current.sessions ORDER BY key
                    """)
            for (id, events) in zip(["live", "over"], journals) {
                let key = try #require(
                    try Int64.fetchOne(db, sql: "SELECT key FROM sessions WHERE id = ?", arguments: [id]))
                try PackedEventTests.insertTypedRows(db, session: key, events)
            }
            try db.execute(
                sql: """
                    INSERT INTO event_packs SELECT * FROM current.event_packs;
                    INSERT INTO seats SELECT key, 'ana', 'hr', 'en', '\(live)' FROM sessions WHERE id = 'live';
                    INSERT INTO seats SELECT key, 'bob', 'hr', 'en', '\(over)' FROM sessions WHERE id = 'over';
                    """)
        }
        try queue.close()
        #expect(holds(path, live))
        let migrated = try SessionStore(path: path)
        #expect(
            try migrated.seats(session: "live") == [
                StoredSeat(name: "ana", department: "hr", locale: "en", tokenDigest: SeatToken.digest(live))
            ])
        #expect(try migrated.seats(session: "over") == [])
        for file in [path, path + "-wal"] {
            #expect(!holds(file, live))
            #expect(!holds(file, over))
        }
    }

    /// Was: "attempt to write a readonly database" for sessions, export and record export.
    @Test func aReadOnlyStoreIsReadWithoutWriting() throws {
        let folder = TestSupport.folder()
        let path = folder + "/ro.sqlite"
        do {
            let store = try SessionStore(path: path)
            _ = try store.create(id: "s", workshop: TestSupport.copingPatterns, locale: "en", time: 5)
        }
        #expect(chmod(path, 0o444) == 0)
        let before = FileManager.default.contents(atPath: path)
        let store = try SessionStore(path: path, readOnly: true)
        #expect(try store.sessions().map(\.id) == ["s"])
        #expect(try store.exportRecording(id: "s").hasPrefix("{"))
        #expect(try store.events(id: "s").count == 1)
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(mode(path) == 0o444)
        do {
            _ = try SessionStore(path: folder + "/none.sqlite", readOnly: true)
            Issue.record("a missing store opened")
        } catch {
            #expect(
                TestSupport.english(error.message)
                    == "there is no store at \(folder)/none.sqlite; give the store with --store PATH")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.sqlite"))
    }

    /// Was: `record import DIRECTORY` blamed the store and created an empty store file.
    @Test func aFolderIsNotARecording() {
        let folder = TestSupport.folder()
        #expect(Recording.unreadable(folder) == "Is a directory")
        #expect(Recording.unreadable(folder + "/none.jsonl") == "No such file or directory")
    }
}
