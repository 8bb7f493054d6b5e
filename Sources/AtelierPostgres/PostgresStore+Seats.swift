import AtelierCore
import AtelierStore
import PostgresNIO

extension PostgresStore {
    public func seats(session: String) throws(StoreError) -> [StoredSeat] {
        try link.run { query in
            let key = try Self.requireSession(query, session)
            return try query(
                "SELECT name, department, locale, token_digest FROM atelier_seats WHERE session = \(key) ORDER BY name"
            ).map { row in
                let (name, department, locale, digest) = try row.decode((String, String, String, String).self)
                return StoredSeat(name: name, department: department, locale: locale, tokenDigest: digest)
            }
        }
    }

    public func saveSeat(_ seat: StoredSeat, session: String) throws(StoreError) {
        try link.transaction { query in
            let key = try Self.requireSession(query, session)
            try query(
                """
                INSERT INTO atelier_seats (session, name, department, locale, token_digest)
                VALUES (\(key), \(seat.name), \(seat.department), \(seat.locale), \(seat.tokenDigest))
                ON CONFLICT (session, name) DO UPDATE SET department = EXCLUDED.department,
                    locale = EXCLUDED.locale, token_digest = EXCLUDED.token_digest
                """)
        }
    }

    public func removeSeat(name: String, session: String) throws(StoreError) {
        try link.transaction { query in
            let key = try Self.requireSession(query, session)
            try query("DELETE FROM atelier_seats WHERE session = \(key) AND name = \(name)")
        }
    }
}
