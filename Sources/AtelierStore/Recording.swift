import AtelierCore
import Foundation

/// Recordings, the portable form of a session: JSON Lines, a header line then
/// one event per line (docs/recording-format.md).
public enum Recording {
    /// The whole recording text; every line ends with a line break.
    public static func write(header: RecordingHeader, events: some Sequence<RecordedEvent>) -> String {
        let writer = RecordingWriter()
        var text = writer.header(header) + "\n"
        for event in events { text += writer.event(event) + "\n" }
        return text
    }

    /// Reads and checks a whole recording: its header, each line's JSON, the
    /// sequence numbers, the event count, and that every event is one the
    /// session's rules accept at that point.
    public static func read(_ text: String, file: String) throws(RecordingError)
        -> (header: RecordingHeader, events: [RecordedEvent])
    {
        var reader = RecordingReader(file: file)
        var events: [RecordedEvent] = []
        do {
            try LineSplitter.lines(of: text, file: file) { line, terminated in
                if let event = try reader.read(line: line, terminated: terminated) { events.append(event) }
            }
        } catch let error as RecordingError {
            throw error
        } catch {
            // `read` throws only RecordingError.
            throw RecordingError(file: file, line: 0, problem: LocalizedMessage("store.recording.not_json"))
        }
        let header = try reader.finish()
        return (header, events)
    }

    /// Reads and checks a recording file as `read` does, streaming it: a
    /// line past its limit stops the reading there, however long the file.
    public static func read(contentsOf path: String) throws(StoreError) -> (
        header: RecordingHeader, events: [RecordedEvent]
    ) {
        var reader = RecordingReader(file: path)
        var events: [RecordedEvent] = []
        do {
            try RecordingPipeline.forEachLine(ofFile: path) { line in
                if let event = try reader.accept(line) { events.append(event) }
            }
            return (try reader.finish(), events)
        } catch let error as StoreError {
            throw error
        } catch let error as RecordingError {
            throw StoreError(message: error.message)
        } catch {
            throw StoreError("store.cannot_read_file", ["file": .text(path), "reason": .text("\(error)")])
        }
    }

    /// Why `path` is not a recording file that can be read (missing, a
    /// folder, not readable), as the system says it; nil when it is one.
    public static func unreadable(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return String(cString: strerror(EISDIR)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return String(cString: strerror(EINVAL)) }
        guard access(path, R_OK) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    /// Reads and checks a recording file as `read` does, streaming it (the
    /// file is never held whole in memory, nor its events; lines decode on a
    /// second thread, `RecordingPipeline`), and returns the folded session.
    public static func fold(contentsOf path: String) throws(StoreError) -> (
        header: RecordingHeader, state: SessionState
    ) {
        var reader = RecordingReader(file: path)
        do {
            try RecordingPipeline.forEachLine(ofFile: path) { line in _ = try reader.accept(line) }
            let header = try reader.finish()
            guard let state = reader.state else { throw reader.emptyError }
            return (header, state)
        } catch let error as StoreError {
            throw error
        } catch let error as RecordingError {
            throw StoreError(message: error.message)
        } catch {
            throw StoreError("store.cannot_read_file", ["file": .text(path), "reason": .text("\(error)")])
        }
    }
}

/// Encodes headers and events as single JSON lines (keys sorted).
public struct RecordingWriter {
    private let encoder: JSONEncoder

    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func header(_ header: RecordingHeader) -> String {
        encode(HeaderLine(header))
    }

    public func event(_ recorded: RecordedEvent) -> String {
        encode(EventLine(recorded))
    }

    private func encode(_ value: some Encodable) -> String {
        // Structs of strings and integers always encode.
        String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// The header line's JSON form.
struct HeaderLine: Codable {
    var format: String?
    var version: Int?
    /// What wrote the file (`AtelierVersion.generator`); informative, never checked.
    var generator: String?
    var session: String?
    var workshopID: String?
    var workshopVersion: Int?
    var locale: String?
    var startedAt: Int64?
    var events: Int?
    var workshop: Workshop?

    enum CodingKeys: String, CodingKey {
        case format, version, generator, session, locale, events, workshop
        case workshopID = "workshop_id"
        case workshopVersion = "workshop_version"
        case startedAt = "started_at"
    }

    init(_ header: RecordingHeader) {
        format = RecordingHeader.format
        version = RecordingHeader.version
        generator = AtelierVersion.generator
        session = header.session
        workshopID = header.workshop.id
        workshopVersion = header.workshop.version
        locale = header.locale
        startedAt = header.startedAt
        events = header.eventCount
        workshop = header.workshop
    }

    /// Only the fields that say what the file is, read before the rest.
    struct Probe: Codable {
        var format: String?
        var version: Int?
    }
}
