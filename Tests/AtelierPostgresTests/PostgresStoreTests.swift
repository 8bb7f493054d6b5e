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

    static let french: Catalog = {
        do { return try Fixtures.catalog("fr") } catch { fatalError("fr: \(error)") }
    }()

    /// What opening the store at `text` says, in English and in French.
    func opening(_ text: String) -> [String?] {
        let error = Support.storeError { _ = try PostgresStore(address: PostgresAddress(text)) }
        return [error.map(Support.english), error.map { Self.french.render($0.message) }]
    }

    @Test func aWrongPasswordOrDatabaseOrServerIsOneSentence() throws {
        let cluster = TestCluster.shared
        let name = TestCluster.databaseName(try cluster.database())
        let at = "postgres://atelier@127.0.0.1:\(cluster.port)/\(name)"
        #expect(
            opening(cluster.address(name, password: "nope")) == [
                "PostgreSQL at \(at) refused user atelier: wrong password or user not allowed; give the password in the address (USER:PASSWORD@) or in PGPASSWORD",
                "PostgreSQL sur \(at) a refusé l'utilisateur atelier : mot de passe erroné ou utilisateur non autorisé ; donnez le mot de passe dans l'adresse (UTILISATEUR:MOT_DE_PASSE@) ou dans PGPASSWORD",
            ])
        #expect(
            opening(cluster.address("nowhere")) == [
                "there is no database nowhere on the PostgreSQL server 127.0.0.1:\(cluster.port); create it (createdb nowhere) or give another",
                "il n'y a pas de base nowhere sur le serveur PostgreSQL 127.0.0.1:\(cluster.port) ; créez-la (createdb nowhere) ou indiquez-en une autre",
            ])
        let port = try TestCluster.freePort()
        let closed = "postgres://atelier@127.0.0.1:\(port)/db"
        #expect(
            opening("postgres://atelier:x@127.0.0.1:\(port)/db") == [
                "the PostgreSQL store \(closed) cannot be reached (nothing answers on 127.0.0.1:\(port): is the server started, on that port?); nothing was stored; atelier connects again at the next try",
                "la base de séances PostgreSQL \(closed) est injoignable (rien ne répond sur 127.0.0.1:\(port) : le serveur est-il démarré, sur ce port ?) ; rien n'a été enregistré ; atelier se reconnecte au prochain essai",
            ])
        // A misspelt host (`.invalid` never resolves).
        #expect(
            opening("postgres://atelier:x@db.invalid/db") == [
                "the PostgreSQL store postgres://atelier@db.invalid:5432/db cannot be reached (no host is named db.invalid); nothing was stored; atelier connects again at the next try",
                "la base de séances PostgreSQL postgres://atelier@db.invalid:5432/db est injoignable (aucun hôte ne s'appelle db.invalid) ; rien n'a été enregistré ; atelier se reconnecte au prochain essai",
            ])
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
        // The connection the server closed, or the server no longer there when the store connects again.
        let said = Support.english.render(failure.message)
        let reasons = [
            "the server closed the connection",
            "nothing answers on 127.0.0.1:\(cluster.port): is the server started, on that port?",
        ]
        #expect(
            reasons.map {
                "the PostgreSQL store \(address.display) cannot be reached (\($0)); nothing was stored; atelier connects again at the next try"
            }.contains(said), "\(said)")
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
