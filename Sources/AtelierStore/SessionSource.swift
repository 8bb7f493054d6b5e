import AtelierCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A session to replay, export or compare, named on the command line: a recording
/// file (`FILE.jsonl`, or any path to an existing file) or a session id in
/// the store. Either way the journal comes back whole and checked.
public struct LoadedSession: Sendable {
    public let id: String
    public let workshop: Workshop
    public let events: [RecordedEvent]

    public init(id: String, workshop: Workshop, events: [RecordedEvent]) {
        self.id = id
        self.workshop = workshop
        self.events = events
    }

    /// The state after the first `count` events (all when nil).
    public func state(after count: Int? = nil) -> SessionState {
        SessionState.fold(id: id, workshop: workshop, events: events.prefix(count ?? events.count))
    }
}

public enum SessionSource {
    /// Opens the store (either kind, `JournalStore`) for reading, only when
    /// a session id is to be read from it.
    public typealias StoreOpener = () throws(StoreError) -> any JournalStore

    /// The SQLite file at `path`, which must exist (reading creates nothing).
    public static func sqlite(_ path: String) -> StoreOpener {
        { () throws(StoreError) in
            guard exists(path) else {
                throw StoreError(message: LocalizedMessage("replay.no_store", ["path": .text(path)]))
            }
            return try SessionStore(path: path, readOnly: true)
        }
    }

    /// Whether something is at `path` (a link counts, even to nothing).
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether the argument names a recording file rather than a stored session.
    public static func isRecording(_ reference: String) -> Bool {
        reference.hasSuffix(".jsonl") || reference.contains("/") || exists(reference)
    }

    /// The session's state, folded once, for an export: a recording is
    /// streamed from its file and checked (`Recording.fold(contentsOf:)`),
    /// a stored session folds from the store. Any problem comes back as one
    /// localized message (file and line for a recording).
    public static func state(_ reference: String, storePath: String) -> Result<SessionState, SourceError> {
        state(reference, store: sqlite(storePath))
    }

    /// The same, the store (either kind) opened by `store` for a session id.
    public static func state(_ reference: String, store: StoreOpener) -> Result<SessionState, SourceError> {
        loading(reference, store: store) { () throws(StoreError) in
            try Recording.fold(contentsOf: reference).state
        } fromStore: { store throws(StoreError) in
            try store.load(id: reference)
        }
    }

    /// Reads the recording or the stored session, every event kept (a replay
    /// steps through them); any problem comes back as one localized message
    /// (file and line for a recording).
    public static func load(_ reference: String, storePath: String) -> Result<LoadedSession, SourceError> {
        load(reference, store: sqlite(storePath))
    }

    /// The same, the store (either kind) opened by `store` for a session id.
    public static func load(_ reference: String, store: StoreOpener) -> Result<LoadedSession, SourceError> {
        loading(reference, store: store) { () throws(StoreError) in
            let (header, events) = try Recording.read(contentsOf: reference)
            return LoadedSession(id: header.session, workshop: header.workshop, events: events)
        } fromStore: { store throws(StoreError) in
            let (workshop, events) = try store.journal(id: reference)
            return LoadedSession(id: reference, workshop: workshop, events: events)
        }
    }

    /// A recording file that can be read goes to `fromFile`; a stored id to
    /// `fromStore`, with the store opened read-only if there is one.
    private static func loading<T>(
        _ reference: String, store: StoreOpener, fromFile: () throws(StoreError) -> T,
        fromStore: (any JournalStore) throws(StoreError) -> T
    ) -> Result<T, SourceError> {
        do throws(StoreError) {
            if isRecording(reference) {
                if let reason = Recording.unreadable(reference) {
                    return .failure(
                        SourceError(
                            message: LocalizedMessage(
                                "store.cannot_read_file", ["file": .text(reference), "reason": .text(reason)])))
                }
                return .success(try fromFile())
            }
            return .success(try fromStore(store()))
        } catch {
            return .failure(SourceError(message: error.message))
        }
    }

    /// A recording's text, read and checked by the store's reader.
    public static func recording(_ text: String, file: String) -> Result<LoadedSession, SourceError> {
        do throws(RecordingError) {
            let (header, events) = try Recording.read(text, file: file)
            return .success(LoadedSession(id: header.session, workshop: header.workshop, events: events))
        } catch {
            return .failure(SourceError(message: error.message))
        }
    }
}

/// Why a session could not be loaded, ready to print.
public struct SourceError: LocalizedFailure {
    public let message: LocalizedMessage
}
