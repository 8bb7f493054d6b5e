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
        var failure: RecordingError?
        LineSplitter.lines(of: text) { line, last in
            do throws(RecordingError) {
                if let event = try reader.read(line: line, terminated: !last) { events.append(event) }
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        let header = try reader.finish()
        return (header, events)
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
    var session: String?
    var workshopID: String?
    var workshopVersion: Int?
    var locale: String?
    var startedAt: Int64?
    var events: Int?
    var workshop: Workshop?

    enum CodingKeys: String, CodingKey {
        case format, version, session, locale, events, workshop
        case workshopID = "workshop_id"
        case workshopVersion = "workshop_version"
        case startedAt = "started_at"
    }

    init(_ header: RecordingHeader) {
        format = RecordingHeader.format
        version = RecordingHeader.version
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

/// Splits text into lines without copying it, telling whether each line is
/// the last one (a last line without a line break is reported as such).
enum LineSplitter {
    /// Calls `body(line, isUnterminatedLast)` for each line; stops when it returns false.
    static func lines(of text: String, _ body: (Substring.UTF8View, Bool) -> Bool) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            guard let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                _ = body(text[start...].utf8, true)
                return
            }
            guard body(text[start..<end].utf8, false) else { return }
            start = utf8.index(after: end)
        }
    }
}
