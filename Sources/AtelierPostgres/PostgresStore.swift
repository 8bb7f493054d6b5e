import AtelierCore
import AtelierStore
import Foundation
import NIOCore
import PostgresNIO

/// The journal of every session in a PostgreSQL database, behind the same
/// contract as the SQLite file (`JournalStore`): an event is committed, with
/// `synchronous_commit` on, before `append` returns; each session's listed
/// summary is kept in its row; each event is one row holding it packed
/// (`PackedEvent`, the same bytes as SQLite's), so a fold reads three
/// narrow columns. Several atelier processes may share one database; each
/// live session has one writer at a time (`lead(session:)`).
public final class PostgresStore: JournalStore, Sendable {
    public let address: PostgresAddress
    let link: PostgresLink
    let writers: WriterLocks

    public var location: String { address.display }

    /// Connects to the database at `address`. A database without atelier's
    /// tables gets them, unless `readOnly` (then it is refused); one written
    /// by a newer atelier is refused, untouched.
    public init(address: PostgresAddress, readOnly: Bool = false) throws(StoreError) {
        self.address = address
        link = PostgresLink(address: address)
        writers = WriterLocks()
        let applied = try link.run { query in try PostgresSchema.applied(query) }
        if let applied { try PostgresSchema.checkNotNewer(applied, address) }
        if readOnly {
            guard applied != nil else {
                throw StoreError("store.postgres.no_tables", ["address": .text(address.display)])
            }
        } else if applied?.count != PostgresSchema.version {
            try PostgresSchema.migrate(link)
        }
        link.reconnected = { [writers] query in try writers.retake(query) }
    }

    /// Closes the connection: the sessions this process leads are free.
    public func close() {
        // Unlocked before the connection goes, so that another process may lead them at once.
        _ = try? link.run { query in try writers.releaseAll(query) }
        link.close()
    }

    // MARK: - Sessions

    public func create(
        id: String, workshop: Workshop, locale: String, time: Timestamp, actor: Actor = .facilitator,
        anonymous: Bool = false, minGroup: Int? = nil
    ) throws(StoreError) -> SessionState {
        guard Slug.isValid(id) else { throw StoreError("store.invalid_session_id", ["session": .text(id)]) }
        let started = RecordedEvent(
            seq: 1, time: time, actor: actor,
            event: .opening(workshop, locale: locale, anonymous: anonymous, minGroup: minGroup))
        var state = SessionState(id: id, workshop: workshop, locale: locale)
        state.apply(started)
        let header = RecordingHeader(session: id, workshop: workshop, locale: locale, startedAt: time, eventCount: 1)
        let summary = SessionSummary(state)
        try link.transaction { query in
            let key = try Self.insertSession(query, header, id: id, exists: "store.session_exists")
            try EventRows.insert(query, session: key, [started])
            try Self.writeSummary(query, key: key, summary)
        }
        return state
    }

    public func append(
        session: String, after lastSeq: Int64, _ events: [PendingEvent], reaching summary: SessionSummary
    ) throws(StoreError) -> [RecordedEvent] {
        try writers.check(session)
        return try link.transaction { query in
            // FOR UPDATE: two writers of one session wait for each other here.
            let key = try Self.requireSession(query, session, lock: true)
            let rows = try query("SELECT max(seq) FROM atelier_events WHERE session = \(key)")
            let stored = try rows.first.flatMap { try $0.decode(Int64?.self) } ?? 0
            guard stored == lastSeq else {
                throw StoreError(
                    "store.conflict",
                    ["session": .text(session), "stored": .text("\(stored)"), "expected": .text("\(lastSeq)")])
            }
            var seq = lastSeq
            let recorded = events.map { pending in
                seq += 1
                return RecordedEvent(seq: seq, time: pending.time, actor: pending.actor, event: pending.event)
            }
            try EventRows.insert(query, session: key, recorded)
            try Self.writeSummary(query, key: key, summary)
            if events.contains(where: { $0.event == .sessionEnded }) {
                try query("DELETE FROM atelier_seats WHERE session = \(key)")
            }
            // Followers elsewhere (`atelier watch`) read what follows their last event.
            try query("SELECT pg_notify('atelier_events', \(session))")
            return recorded
        }
    }

    public func load(id: String) throws(StoreError) -> SessionState {
        try link.run { query in
            let row = try Self.sessionRow(query, id)
            return try EventRows.fold(query, row)
        }
    }

    public func events(id: String) throws(StoreError) -> [RecordedEvent] {
        try journal(id: id).events
    }

    public func journal(id: String) throws(StoreError) -> (workshop: Workshop, events: [RecordedEvent]) {
        try link.run { query in
            let row = try Self.sessionRow(query, id)
            var events: [RecordedEvent] = []
            try EventRows.forEach(query, row, after: 0) { events.append($0) }
            return (row.workshop, events)
        }
    }

    /// The events of a session after `seq` (a follower's catch-up).
    public func events(id: String, after seq: Int64) throws(StoreError) -> [RecordedEvent] {
        try link.run { query in
            let row = try Self.sessionRow(query, id)
            var events: [RecordedEvent] = []
            try EventRows.forEach(query, row, after: seq) { events.append($0) }
            return events
        }
    }

    public func sessions() throws(StoreError) -> [SessionSummary] {
        try link.run { query in
            try query(
                """
                SELECT id, workshop_id, workshop_version, started_at, event_count, last_event_at, ended_at,
                    departments, participants
                FROM atelier_sessions ORDER BY started_at, id
                """
            ).map { row in
                let (id, workshopID, version, startedAt, count, lastEventAt, endedAt, departments, participants) =
                    try row.decode((String, String, Int, Int64, Int, Int64?, Int64?, Int, Int).self)
                return SessionSummary(
                    id: id, workshopID: workshopID, workshopVersion: version,
                    startedAt: count > 0 ? startedAt : nil, lastEventAt: lastEventAt, eventCount: count,
                    departments: departments, participants: participants, endedAt: endedAt)
            }
        }
    }

    // MARK: - Rows

    static func insertSession(_ query: Query, _ header: RecordingHeader, id: String, exists: String) throws -> Int64 {
        guard Slug.isValid(id) else { throw StoreError("store.invalid_session_id", ["session": .text(id)]) }
        let existing = try query("SELECT key FROM atelier_sessions WHERE id = \(id)")
        guard existing.first == nil else { throw StoreError(exists, ["session": .text(id)]) }
        let workshop = StoredWorkshop.encode(header.workshop)
        let rows = try query(
            """
            INSERT INTO atelier_sessions (id, workshop_id, workshop_version, locale, started_at, workshop)
            VALUES (\(id), \(header.workshop.id), \(header.workshop.version), \(header.locale), \(header.startedAt),
                \(workshop))
            RETURNING key
            """)
        guard let key = try rows.first?.decode(Int64.self) else {
            throw StoreError("store.session_exists", ["session": .text(id)])
        }
        return key
    }

    static func writeSummary(_ query: Query, key: Int64, _ summary: SessionSummary) throws {
        try query(
            """
            UPDATE atelier_sessions SET event_count = \(summary.eventCount), last_event_at = \(summary.lastEventAt),
                ended_at = \(summary.endedAt), departments = \(summary.departments),
                participants = \(summary.participants)
            WHERE key = \(key)
            """)
    }

    static func requireSession(_ query: Query, _ id: String, lock: Bool = false) throws -> Int64 {
        let sql: PostgresQuery =
            lock
            ? "SELECT key FROM atelier_sessions WHERE id = \(id) FOR UPDATE"
            : "SELECT key FROM atelier_sessions WHERE id = \(id)"
        if let key = try query(sql).first?.decode(Int64.self) { return key }
        let known = try query("SELECT id FROM atelier_sessions ORDER BY id").map { try $0.decode(String.self) }
        throw StoreError(
            "store.unknown_session",
            ["session": .text(id), "known": known.isEmpty ? .message(LocalizedMessage("common.none")) : .list(known)])
    }

    static func sessionRow(_ query: Query, _ id: String) throws -> StoredSessionRow {
        let key = try requireSession(query, id)
        guard
            let row = try query("SELECT locale, started_at, workshop FROM atelier_sessions WHERE key = \(key)").first
        else { throw StoreError("store.unknown_session", ["session": .text(id), "known": .list([])]) }
        let (locale, startedAt, json) = try row.decode((String, Int64, String).self)
        let workshop = try StoredWorkshop.decode(json, session: id)
        return StoredSessionRow(key: key, id: id, workshop: workshop, locale: locale, startedAt: startedAt)
    }
}

/// A session's row in `atelier_sessions`.
struct StoredSessionRow {
    let key: Int64
    let id: String
    let workshop: Workshop
    let locale: String
    let startedAt: Timestamp
}
