import AtelierCore
import AtelierStore
import Foundation

/// The repository's files and scratch folders, for the store tests.
enum TestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let copingPatterns: Workshop = {
        let path = repository + "/workshops/coping-patterns.yaml"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard let workshop = WorkshopParser.parse(text).workshop else { fatalError("cannot read \(path)") }
        return workshop
    }()

    /// A new empty folder under the system's temporary folder.
    static func folder() -> String {
        let path = NSTemporaryDirectory() + "atelier-store-tests/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func store() throws -> SessionStore {
        try SessionStore(path: folder() + "/atelier.sqlite")
    }

    /// The English rendering of a message, with the repository's catalog.
    static let english: Catalog = {
        let text = (try? String(contentsOfFile: repository + "/locales/en.yaml", encoding: .utf8)) ?? ""
        guard let catalog = CatalogParser.parse(text).catalog else { fatalError("cannot read locales/en.yaml") }
        return catalog
    }()

    static func english(_ message: LocalizedMessage) -> String { english.render(message) }
}

extension SessionStore {
    /// `append` for a test that keeps no state ahead of the store: the
    /// summary is the stored session folded, then these events.
    func append(session: String, after lastSeq: Int64, _ events: [PendingEvent]) throws -> [RecordedEvent] {
        let summary =
            (try? load(id: session))?.summary(after: events)
            ?? SessionSummary(
                id: session, workshopID: "", workshopVersion: 0, startedAt: nil, lastEventAt: nil, eventCount: 0,
                departments: 0, participants: 0, endedAt: nil)
        return try append(session: session, after: lastSeq, events, reaching: summary)
    }
}
