import AtelierCore
import GRDB

extension SessionStore {
    /// The session as a recording (JSON Lines text).
    public func exportRecording(id: String) throws(StoreError) -> String {
        try read { db in
            let session = try Self.sessionRow(db, id)
            var events: [RecordedEvent] = []
            try JournalReader.forEach(db, session: session.key, id: id) { events.append($0) }
            let header = RecordingHeader(
                session: id, workshop: session.workshop, locale: session.locale, startedAt: session.startedAt,
                eventCount: events.count)
            return Recording.write(header: header, events: events)
        }
    }

    /// Checks a recording line by line and imports it in one transaction:
    /// on any problem (`FILE:LINE: ...`) nothing of it is stored. The session
    /// keeps its recorded id unless `newID` is given; an id already in the
    /// store is refused. Returns the id it was stored under.
    @discardableResult
    public func importRecording(_ text: String, file: String, as newID: String? = nil) throws(StoreError) -> String {
        try importLines(file: file, as: newID) { reader, take in
            try LineSplitter.lines(of: text, file: file) { line, terminated in
                let event = try reader.read(line: line, terminated: terminated)
                try take(event, event == nil ? reader.header : nil)
            }
        }
    }

    /// Imports a recording file as `importRecording(_:file:as:)` does,
    /// streaming it: the file is never held whole in memory, nor its events.
    /// Its lines are read, decoded, checked and packed on threads of their
    /// own (`ImportPipeline`) while this one inserts them, in one
    /// transaction committed (and synced) before it returns.
    @discardableResult
    public func importRecording(contentsOf path: String, as newID: String? = nil) throws(StoreError) -> String {
        try write { db in
            let insert = try EventInsert(db)
            var key: Int64?
            var id = ""
            try ImportPipeline.forEachMessage(ofFile: path) { message in
                switch message {
                case .header(let header):
                    id = newID ?? header.session
                    if try Self.sessionKey(db, id) != nil {
                        throw StoreError("store.import_session_exists", ["session": .text(id)])
                    }
                    key = try Self.insertSession(db, header, id: id)
                case .rows(let rows):
                    guard let key else { return }
                    try insert(rows, session: key)
                case .finished(let summary):
                    guard let key else { return }
                    try SessionSummaryRow.write(db, session: key, summary)
                case .failed(let error):
                    throw error
                }
            }
            return id
        }
    }

    /// `lines` feeds the reader and hands each line's event, or for the
    /// header line nil and the header, to `take`, which stores them (the
    /// header is not handed with each event: a copy of it costs a retain of
    /// each part of its workshop).
    private func importLines(
        file: String, as newID: String?,
        _ lines: (inout RecordingReader, (RecordedEvent?, RecordingHeader?) throws -> Void) throws -> Void
    ) throws(StoreError) -> String {
        try write { db in
            var reader = RecordingReader(file: file)
            let insert = try EventInsert(db)
            var key: Int64?
            var id = ""
            try lines(&reader) { event, header in
                if key == nil, let header {
                    id = newID ?? header.session
                    if try Self.sessionKey(db, id) != nil {
                        throw StoreError("store.import_session_exists", ["session": .text(id)])
                    }
                    key = try Self.insertSession(db, header, id: id)
                }
                if let event, let key { try insert(event, session: key) }
            }
            _ = try reader.finish()
            if let key, let state = reader.state {
                try SessionSummaryRow.write(db, session: key, SessionSummary(state))
            }
            return id
        }
    }
}
