import AtelierCore
import AtelierStore
import Foundation
import PostgresNIO

/// One writer per live session: a PostgreSQL session-level advisory lock
/// on the session's id, held by the store's connection while this process
/// leads it. The server releases it when the connection ends, so when the
/// process dies. Who holds it is written in `atelier_writers`, for the
/// sentence refusing a second writer.
///
/// A connection lost and made again has lost its locks: they are taken
/// back before anything else (`retake`); a session another process took
/// meanwhile is no longer written from here.
final class WriterLocks: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var held: Set<String> = []
    private var lost: [String: StoreError] = [:]

    /// "ATLR": the first key of atelier's advisory locks (the second is the
    /// session id's hash; 0 is the migrations').
    static let space: Int32 = 1_096_043_602

    /// Refuses to write a session whose lock another process took while
    /// this one was disconnected.
    func check(_ session: String) throws(StoreError) {
        let error = lock.withLock { lost[session] }
        if let error { throw error }
    }

    /// Takes the session's lock, or refuses naming where it is live.
    func take(_ session: String, _ query: Query) throws {
        if try Self.tryLock(session, query) {
            try Self.sign(session, query)
            lock.withLock {
                held.insert(session)
                lost[session] = nil
            }
            return
        }
        throw try Self.liveElsewhere(session, query)
    }

    /// On a new connection: takes back every lock this process held.
    func retake(_ query: Query) throws {
        let sessions = lock.withLock { held }
        for session in sessions {
            if try Self.tryLock(session, query) {
                try Self.sign(session, query)
            } else {
                let refusal = try Self.liveElsewhere(session, query)
                lock.withLock {
                    held.remove(session)
                    lost[session] = refusal
                }
            }
        }
    }

    func releaseAll(_ query: Query) throws {
        let sessions = lock.withLock { held }
        for session in sessions { try release(session, query) }
    }

    func release(_ session: String, _ query: Query) throws {
        guard lock.withLock({ held.remove(session) }) != nil else { return }
        try query("DELETE FROM atelier_writers WHERE session_id = \(session)")
        try query("SELECT pg_advisory_unlock(\(Self.space), hashtext(\(session)))")
    }

    private static func tryLock(_ session: String, _ query: Query) throws -> Bool {
        try query("SELECT pg_try_advisory_lock(\(space), hashtext(\(session)))").first?.decode(Bool.self) ?? false
    }

    private static func sign(_ session: String, _ query: Query) throws {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int64(ProcessInfo.processInfo.processIdentifier)
        let since = Int64(Date().timeIntervalSince1970 * 1000)
        try query(
            """
            INSERT INTO atelier_writers (session_id, host, pid, since) VALUES (\(session), \(host), \(pid), \(since))
            ON CONFLICT (session_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid, since = EXCLUDED.since
            """)
    }

    private static func liveElsewhere(_ session: String, _ query: Query) throws -> StoreError {
        let row = try query("SELECT host, pid FROM atelier_writers WHERE session_id = \(session)").first
        let (host, pid) = try row?.decode((String, Int64).self) ?? ("?", Int64(0))
        return StoreError(
            "store.postgres.live_elsewhere", ["session": .text(session), "host": .text(host), "pid": .text("\(pid)")])
    }
}

extension PostgresStore {
    /// Makes this process the session's one writer, or refuses (one
    /// sentence naming the host and process where it is live).
    public func lead(session: String) throws(StoreError) {
        try link.run { query in
            _ = try Self.requireSession(query, session)
            try writers.take(session, query)
        }
    }

    /// Lets another process lead the session.
    public func release(session: String) throws(StoreError) {
        try link.run { query in try writers.release(session, query) }
    }
}
