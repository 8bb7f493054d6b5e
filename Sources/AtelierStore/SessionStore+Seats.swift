import GRDB

/// A participant's seat in a session opened to the network: who they are,
/// the language they read, and the digest of the token that lets them
/// resume (`SeatToken`; the token itself is never stored). Kept so
/// that participants come back with their token after the facilitator's
/// atelier is restarted (`atelier resume --listen`).
public struct StoredSeat: Sendable, Hashable {
    public let name: String
    public let department: String
    public let locale: String
    public let tokenDigest: String

    public init(name: String, department: String, locale: String, tokenDigest: String) {
        self.name = name
        self.department = department
        self.locale = locale
        self.tokenDigest = tokenDigest
    }
}

extension SessionStore {
    /// The seats of a session, by name.
    public func seats(session: String) throws(StoreError) -> [StoredSeat] {
        try read { db in
            let key = try Self.requireSession(db, session)
            return try Row.fetchAll(
                db, sql: "SELECT name, department, locale, token_digest FROM seats WHERE session = ? ORDER BY name",
                arguments: [key]
            ).map { StoredSeat(name: $0[0], department: $0[1], locale: $0[2], tokenDigest: $0[3]) }
        }
    }

    /// Stores a seat, replacing the one of the same name; committed and
    /// synced when it returns.
    public func saveSeat(_ seat: StoredSeat, session: String) throws(StoreError) {
        try write { db in
            let key = try Self.requireSession(db, session)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO seats (session, name, department, locale, token_digest)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [key, seat.name, seat.department, seat.locale, seat.tokenDigest])
        }
    }

    /// Forgets a seat (a participant the facilitator removed).
    public func removeSeat(name: String, session: String) throws(StoreError) {
        try write { db in
            let key = try Self.requireSession(db, session)
            try db.execute(sql: "DELETE FROM seats WHERE session = ? AND name = ?", arguments: [key, name])
        }
    }
}
