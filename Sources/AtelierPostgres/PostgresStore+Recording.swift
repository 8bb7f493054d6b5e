import AtelierCore
import AtelierStore

extension PostgresStore {
    public func exportRecording(id: String) throws(StoreError) -> String {
        try link.run { query in
            let row = try Self.sessionRow(query, id)
            var events: [RecordedEvent] = []
            try EventRows.forEach(query, row, after: 0) { events.append($0) }
            let header = RecordingHeader(
                session: id, workshop: row.workshop, locale: row.locale, startedAt: row.startedAt,
                eventCount: events.count)
            return Recording.write(header: header, events: events)
        }
    }

    /// Checks the whole recording (`Recording.read`, the SQLite store's
    /// reader), then stores it in one transaction.
    @discardableResult
    public func importRecording(_ text: String, file: String, as newID: String? = nil) throws(StoreError) -> String {
        let header: RecordingHeader
        let events: [RecordedEvent]
        do throws(RecordingError) {
            (header, events) = try Recording.read(text, file: file)
        } catch {
            throw StoreError(message: error.message)
        }
        return try store(header, events, as: newID)
    }

    /// Reads and checks a recording file (`Recording.read(contentsOf:)`,
    /// streamed), then stores it in one transaction.
    @discardableResult
    public func importRecording(contentsOf path: String, as newID: String? = nil) throws(StoreError) -> String {
        let (header, events) = try Recording.read(contentsOf: path)
        return try store(header, events, as: newID)
    }

    private func store(_ header: RecordingHeader, _ events: [RecordedEvent], as newID: String?) throws(StoreError)
        -> String
    {
        let id = newID ?? header.session
        let summary = SessionSummary(SessionState.fold(id: id, workshop: header.workshop, events: events))
        try link.transaction { query in
            let key = try Self.insertSession(query, header, id: id, exists: "store.import_session_exists")
            try EventRows.insert(query, session: key, events)
            try Self.writeSummary(query, key: key, summary)
        }
        return id
    }
}
