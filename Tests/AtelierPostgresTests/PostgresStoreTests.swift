import AtelierCore
import AtelierLive
import AtelierPostgres
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// What only the PostgreSQL store does or meets: its address, the server's
/// refusals, a newer or empty database, one writer per session, a server
/// stopped in the middle of a session.
@Suite struct PostgresStoreTests {
    func english(_ body: () throws -> Void) -> String? {
        Support.storeError(body).map(Support.english)
    }

    @Test func aBadAddressIsOneSentenceWithoutItsPassword() {
        for text in [
            "postgres://host/db", "postgres://u:pw@/db", "postgres://u:pw@h:99999/db", "postgres://u@h/",
            "http://u@h/db",
        ] {
            let said = english { _ = try PostgresAddress(text) }
            #expect(
                said?.hasSuffix(
                    "is not a PostgreSQL store address; give postgres://USER@HOST[:PORT]/DATABASE (a password after USER: or in PGPASSWORD)"
                ) == true, "\(text)")
            #expect(said?.contains("pw") == false)
        }
        #expect(
            english { _ = try PostgresAddress("postgres://u:pw@h:99999/db") }?.hasPrefix(
                "\"postgres://u:***@h:99999/db\"") == true)
    }

    @Test func anAddressReadsItsPartsAndShowsNoPassword() throws {
        let address = try PostgresAddress("postgres://ana:pw@db.example:6543/workshops", environment: [:])
        #expect(address.user == "ana")
        #expect(address.password == "pw")
        #expect(address.port == 6543)
        #expect(address.database == "workshops")
        #expect(address.display == "postgres://ana@db.example:6543/workshops")
        let fromEnvironment = try PostgresAddress("postgresql://ana@h/db", environment: ["PGPASSWORD": "env"])
        #expect(fromEnvironment.password == "env")
        #expect(fromEnvironment.port == 5432)
    }

    @Test func aWrongPasswordOrDatabaseOrServerIsOneSentence() throws {
        let cluster = TestCluster.shared
        let name = TestCluster.databaseName(try cluster.database())
        let wrong = english { _ = try PostgresStore(address: PostgresAddress(cluster.address(name, password: "nope"))) }
        #expect(
            wrong
                == "PostgreSQL at postgres://atelier@127.0.0.1:\(cluster.port)/\(name) refused user atelier: wrong password or user not allowed; give the password in the address (USER:PASSWORD@) or in PGPASSWORD"
        )
        let missing = english { _ = try PostgresStore(address: PostgresAddress(cluster.address("nowhere"))) }
        #expect(
            missing
                == "there is no database nowhere on the PostgreSQL server 127.0.0.1:\(cluster.port); create it (createdb nowhere) or give another"
        )
        let port = try TestCluster.freePort()
        let closed = english {
            _ = try PostgresStore(address: PostgresAddress("postgres://atelier:x@127.0.0.1:\(port)/db"))
        }
        #expect(
            closed?.hasPrefix("the PostgreSQL store postgres://atelier@127.0.0.1:\(port)/db cannot be reached (")
                == true)
        #expect(closed?.hasSuffix("); nothing was stored; atelier connects again at the next try") == true)
    }

    @Test func aDatabaseWithoutTablesIsRefusedForReadingAndBuiltForWriting() throws {
        let address = try PostgresAddress(TestCluster.shared.database())
        #expect(
            english { _ = try PostgresStore(address: address, readOnly: true) }
                == "\(address.display) holds no atelier store (none of its tables); start a session there with atelier run --store \(address.display), or copy sessions into it with atelier store copy"
        )
        _ = try PostgresStore(address: address)
        let name = address.database
        #expect(try TestCluster.shared.psql(name, "SELECT name FROM atelier_migrations") == "pg1-sessions-events-seats")
        #expect(try PostgresStore(address: address, readOnly: true).sessions() == [])
    }

    @Test func aStoreOfANewerAtelierIsRefusedUntouched() throws {
        let address = try PostgresAddress(TestCluster.shared.database())
        let store = try PostgresStore(address: address)
        _ = try store.create(
            id: "kept", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        store.close()
        let cluster = TestCluster.shared
        try cluster.psql(address.database, "INSERT INTO atelier_migrations (name) VALUES ('pg9-from-the-future')")
        let before = try cluster.psql(address.database, "SELECT count(*) FROM atelier_events")
        for readOnly in [false, true] {
            #expect(
                english { _ = try PostgresStore(address: address, readOnly: readOnly) }
                    == "\(address.display) was written by a newer atelier (store version 2; this one reads up to version 1); it was left untouched"
            )
        }
        #expect(try cluster.psql(address.database, "SELECT count(*) FROM atelier_events") == before)
        #expect(
            try cluster.psql(address.database, "SELECT string_agg(name, ',' ORDER BY name) FROM atelier_migrations")
                == "pg1-sessions-events-seats,pg9-from-the-future")
    }

    @Test func aSessionHasOneWriterAtATime() throws {
        let text = try TestCluster.shared.database()
        let first = try PostgresStore(address: PostgresAddress(text))
        _ = try first.create(
            id: "live", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        try first.lead(session: "live")
        let second = try PostgresStore(address: PostgresAddress(text))
        let refused = english { try second.lead(session: "live") }
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(
            refused
                == "session live is live on \(host) (process \(pid)); it has one writer at a time: resume it there, or once that atelier has stopped"
        )
        // The first process gone (its connection closed), the session is free.
        first.close()
        try second.lead(session: "live")
        #expect(english { try first.lead(session: "live") } == refused)
    }

    @Test func theServerStoppedRefusesAnswersThenTheStoreReconnects() async throws {
        let cluster = try TestCluster()
        defer { cluster.destroy() }
        let address = try PostgresAddress(try cluster.database())
        let store = try PostgresStore(address: address)
        let start = try store.create(
            id: "cut", workshop: Support.workshop, locale: "en", time: Support.start, actor: .facilitator)
        try store.lead(session: "cut")
        let live = LiveSession(state: start, journal: store)
        let add = { (id: String, at: Int64) in
            Command(actor: .facilitator, action: .addDepartment(id: id, name: id.capitalized), time: at)
        }
        guard case .accepted = await live.submit(add("legal", Support.start + 1)) else {
            Issue.record("the first department was not stored")
            return
        }
        cluster.stop()
        guard case .failed(let failure) = await live.submit(add("sales", Support.start + 2)) else {
            Issue.record("an answer was acknowledged with the server stopped")
            return
        }
        let said = Support.english.render(failure.message)
        #expect(said.hasPrefix("the PostgreSQL store \(address.display) cannot be reached ("))
        #expect(live.state.eventCount == 2)
        try cluster.start()
        guard case .accepted(let events) = await live.submit(add("sales", Support.start + 3)) else {
            Issue.record("the store did not reconnect")
            return
        }
        #expect(events.map(\.seq) == [3])
        let reread = try PostgresStore(address: address, readOnly: true)
        #expect(StateComparison.differences(live.state, try reread.load(id: "cut")) == [])
        // The writer's lock was taken back with the new connection.
        #expect(Support.storeError { try reread.lead(session: "cut") }?.message.key == "store.postgres.live_elsewhere")
    }
}
