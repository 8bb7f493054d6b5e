import AtelierCore
import AtelierPostgres
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// The two stores every contract test runs against: a new SQLite file, a
/// new database in the test cluster.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    func make() throws -> any JournalStore {
        switch self {
        case .sqlite:
            let folder = NSTemporaryDirectory() + "atelier-contract-tests/" + UUID().uuidString
            return try SessionStore(path: folder + "/atelier.sqlite")
        case .postgres:
            return try PostgresStore(address: PostgresAddress(TestCluster.shared.database()))
        }
    }
}

enum Support {
    static let workshop: Workshop = {
        do { return try Fixtures.workshop("coping-patterns") } catch { fatalError("coping-patterns: \(error)") }
    }()

    static let english: Catalog = {
        do { return try Fixtures.catalog("en") } catch { fatalError("en: \(error)") }
    }()

    static func english(_ error: StoreError) -> String { english.render(error.message) }

    static let start: Timestamp = 1_714_550_400_000

    /// The error `body` throws, as a `StoreError`.
    static func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? StoreError
        }
    }
}

extension JournalStore {
    /// `append` for a test that keeps no state ahead of the store.
    func append(session: String, after lastSeq: Int64, _ events: [PendingEvent]) throws -> [RecordedEvent] {
        let summary = try load(id: session).summary(after: events)
        return try append(session: session, after: lastSeq, events, reaching: summary)
    }
}
