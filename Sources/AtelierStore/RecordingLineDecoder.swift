import AtelierCore
import Foundation

/// One line of a recording, decoded on its own: what `RecordingReader.accept`
/// checks in order. Lines decode independently, so a file's lines decode on
/// one thread while the session's rules are checked on another
/// (`RecordingPipeline`).
enum DecodedLine: Sendable, Equatable {
    /// Line 1: the header's bytes, read by the reader itself.
    case header([UInt8])
    case event(RecordedEvent)
    /// What is wrong with the line (its number is the reader's).
    case problem(LocalizedMessage)
}

/// Decodes event lines: through `EventLineScanner`, else JSONDecoder
/// (`EventLine`), which says what is wrong with a broken line.
struct RecordingLineDecoder {
    private var scanner = EventLineScanner()
    private let decoder = JSONDecoder()
    /// False: every line goes through JSONDecoder (for the tests that compare the two ways).
    var scans = true

    /// Line `number` (1 for the header), without its line break;
    /// `terminated` is false for a last line that has none.
    mutating func decode(_ line: UnsafeBufferPointer<UInt8>, terminated: Bool, number: Int) -> DecodedLine {
        guard terminated else { return .problem(LocalizedMessage("store.recording.truncated_line")) }
        let end = line.last == UInt8(ascii: "\r") ? line.count - 1 : line.count
        let bytes = UnsafeBufferPointer(rebasing: line[0..<end])
        guard !bytes.isEmpty else {
            return .problem(LocalizedMessage(number == 1 ? "store.recording.empty" : "store.recording.empty_line"))
        }
        if number == 1 { return .header(Array(bytes)) }
        if scans, let event = scanner.scan(bytes) { return .event(event) }
        return fallback(bytes)
    }

    /// JSONDecoder's reading of the line: the event, or what is wrong.
    func fallback(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedLine {
        let parsed: EventLine
        do {
            parsed = try decoder.decode(EventLine.self, from: Data(bytes))
        } catch {
            return .problem(Self.problem(DecodingFailure(error)))
        }
        do {
            return .event(try parsed.recorded())
        } catch {
            switch error {
            case .missing(let field):
                return .problem(
                    LocalizedMessage(
                        "store.recording.missing_field", ["field": .text(field), "type": .text(parsed.type ?? "")]))
            case .badValue(let field):
                return .problem(LocalizedMessage("store.recording.bad_value", ["field": .text(field)]))
            case .unknownType(let type):
                return .problem(
                    LocalizedMessage(
                        "store.recording.unknown_type", ["type": .text(type), "known": .list(EventSchema.types)]))
            case .newerVersion(let version):
                return .problem(
                    LocalizedMessage(
                        "store.recording.newer_event",
                        ["version": .text("\(version)"), "supported": .text("\(RecordedEvent.schemaVersion)")]))
            }
        }
    }

    static func problem(_ failure: DecodingFailure) -> LocalizedMessage {
        switch failure.kind {
        case .notJSON: return LocalizedMessage("store.recording.not_json")
        case .missing:
            return LocalizedMessage(
                "store.recording.missing_field", ["field": .text(failure.field), "type": .text("")])
        case .wrongType: return LocalizedMessage("store.recording.wrong_type", ["field": .text(failure.field)])
        }
    }
}
