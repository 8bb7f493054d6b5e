import AtelierCore
import Foundation

/// Reads a recording line by line and checks everything as it goes: the
/// header, each line's JSON, the sequence numbers, and that the session's
/// rules (`SessionState.decide`) give back exactly each recorded event.
/// Streaming, so a large recording is never held whole in memory.
public struct RecordingReader {
    public let file: String
    public private(set) var header: RecordingHeader?
    /// The session as folded so far.
    public private(set) var state: SessionState?
    private var lineNumber = 0
    private var count = 0
    /// The header's event count, kept apart: reading it through `header`
    /// copies the header (a retain of each part of its workshop), per event.
    private var announced = 0
    /// The header is read: `header` and `state` are set.
    private var started = false
    private var lines = RecordingLineDecoder()

    public init(file: String) {
        self.file = file
    }

    /// False: every event line is decoded by JSONDecoder, none by the scanner
    /// (for the tests that compare the two).
    var scans: Bool {
        get { lines.scans }
        set { lines.scans = newValue }
    }

    private func fail(_ key: String, _ args: [String: MessageValue] = [:], line: Int? = nil) -> RecordingError {
        RecordingError(file: file, line: line ?? lineNumber, problem: LocalizedMessage(key, args))
    }

    /// The longest header line read, in bytes (a workshop definition is a few tens of kilobytes).
    public static let maxHeaderBytes = 1 << 20
    /// The longest event line read, in bytes (a text is at most 500 characters).
    public static let maxEventBytes = 64 << 10

    /// The longest line accepted as line `number` (1-based).
    static func maxBytes(line number: Int) -> Int { number == 1 ? maxHeaderBytes : maxEventBytes }

    /// Reads one line (without its line break). Returns the event it holds,
    /// nil for the header. `terminated` is false for a last line that has no
    /// line break: the file was cut.
    public mutating func read(line: UnsafeBufferPointer<UInt8>, terminated: Bool) throws(RecordingError)
        -> RecordedEvent?
    {
        try accept(lines.decode(line, terminated: terminated, number: lineNumber + 1))
    }

    /// Checks the next line, decoded on its own (`RecordingLineDecoder`), in
    /// order: the header, then each event against the session so far.
    mutating func accept(_ line: DecodedLine) throws(RecordingError) -> RecordedEvent? {
        lineNumber += 1
        let recorded: RecordedEvent
        switch line {
        case .problem(let problem):
            throw RecordingError(file: file, line: lineNumber, problem: problem)
        case .header(let bytes):
            try readHeader(Data(bytes))
            return nil
        case .event(let event):
            recorded = event
        }
        // The header and the state are used where they are, never copied:
        // a copy of the state costs a retain of each of its parts, per event
        // (even `header != nil` copied the header).
        guard started else { throw emptyError }
        count += 1
        guard count <= announced else {
            throw fail("store.recording.extra_events", ["expected": .text("\(announced)")])
        }
        let expected = Int64(count)
        if recorded.seq < expected {
            throw fail("store.recording.seq_back", ["seq": .text("\(recorded.seq)"), "expected": .text("\(expected)")])
        }
        if recorded.seq > expected {
            throw fail("store.recording.seq_gap", ["seq": .text("\(recorded.seq)"), "expected": .text("\(expected)")])
        }
        try check(recorded)
        state!.apply(recorded)
        return recorded
    }

    var emptyError: RecordingError { fail("store.recording.empty", line: 1) }

    /// The header, once every line is read and the count is right.
    public func finish() throws(RecordingError) -> RecordingHeader {
        guard let header else { throw emptyError }
        guard count == header.eventCount else {
            throw fail(
                "store.recording.missing_events",
                ["count": .text("\(count)"), "expected": .text("\(header.eventCount)")],
                line: lineNumber + 1)
        }
        return header
    }

    private mutating func readHeader(_ bytes: Data) throws(RecordingError) {
        let decoder = JSONDecoder()
        let probe: HeaderLine.Probe
        do {
            probe = try decoder.decode(HeaderLine.Probe.self, from: bytes)
        } catch {
            throw fail("store.recording.not_a_recording", ["format": .text(RecordingHeader.format)])
        }
        guard probe.format == RecordingHeader.format, let version = probe.version else {
            throw fail("store.recording.not_a_recording", ["format": .text(RecordingHeader.format)])
        }
        guard version <= RecordingHeader.version else {
            throw fail(
                "store.recording.newer_format",
                ["version": .text("\(version)"), "supported": .text("\(RecordingHeader.version)")])
        }
        let line: HeaderLine
        do {
            line = try decoder.decode(HeaderLine.self, from: bytes)
        } catch {
            throw RecordingError(
                file: file, line: lineNumber, problem: RecordingLineDecoder.problem(DecodingFailure(error)))
        }
        func need<T>(_ value: T?, _ field: String) throws(RecordingError) -> T {
            guard let value else {
                throw fail("store.recording.missing_field", ["field": .text(field), "type": .text("")])
            }
            return value
        }
        let workshop = try need(line.workshop, "workshop")
        let session = try need(line.session, "session")
        guard Slug.isValid(session) else { throw fail("store.invalid_session_id", ["session": .text(session)]) }
        let workshopID = try need(line.workshopID, "workshop_id")
        let workshopVersion = try need(line.workshopVersion, "workshop_version")
        guard workshopID == workshop.id, workshopVersion == workshop.version else {
            throw fail(
                "store.recording.workshop_mismatch",
                [
                    "named": .text("\(workshopID) v\(workshopVersion)"),
                    "held": .text("\(workshop.id) v\(workshop.version)"),
                ])
        }
        // The definition goes through the rules a workshop file does: a
        // forged one (a scale upside down, a label missing, a threshold of
        // 1e300, a duplicate stage) is refused here, before anything uses it.
        let problems = WorkshopRules.problems(in: workshop)
        if let first = problems.first {
            throw fail(
                "store.recording.bad_workshop", ["problem": .message(first), "count": .count(problems.count)])
        }
        let locale = try need(line.locale, "locale")
        guard Slug.isValid(locale), WorkshopLimits.languageCode.contains(locale.count) else {
            throw fail("store.recording.bad_value", ["field": .text("locale")])
        }
        let events = try need(line.events, "events")
        guard events >= 0 else { throw fail("store.recording.bad_value", ["field": .text("events")]) }
        let header = RecordingHeader(
            session: session, workshop: workshop, locale: locale, startedAt: try need(line.startedAt, "started_at"),
            eventCount: events)
        self.header = header
        announced = header.eventCount
        state = SessionState(id: header.session, workshop: workshop, locale: header.locale)
        started = true
    }

    /// The event must be one the rules produce at this point of the session.
    private func check(_ recorded: RecordedEvent) throws(RecordingError) {
        if recorded.seq == 1, let header {
            // A session started before rounds existed records no criteria and
            // no digest; a later one records those of the header's definition.
            // Anonymity and the smallest group shown are the session's own
            // choice (any K the CLI accepts).
            var opening = Event.sessionStarted(
                workshop: header.workshop.id, version: header.workshop.version, locale: header.locale)
            if case .sessionStarted(_, _, _, let criteria, let digest, let anonymous, let minGroup) = recorded.event {
                let chosen = anonymous || minGroup.map(SmallGroups.range.contains) == true
                let privacy = chosen ? (anonymous, minGroup) : (false, nil)
                if criteria != nil || digest != nil {
                    opening = WorkshopJSON.opening(
                        header.workshop, locale: header.locale, anonymous: privacy.0, minGroup: privacy.1)
                } else if chosen {
                    opening = .sessionStarted(
                        workshop: header.workshop.id, version: header.workshop.version, locale: header.locale,
                        anonymous: privacy.0, minGroup: privacy.1)
                }
            }
            guard recorded.event == opening, recorded.time == header.startedAt else {
                throw fail(
                    "store.recording.bad_opening",
                    [
                        "workshop": .text(header.workshop.id), "version": .text("\(header.workshop.version)"),
                        "locale": .text(header.locale), "started_at": .text("\(header.startedAt)"),
                    ])
            }
            return
        }
        // Ratings and picks, nearly all of a long recording, are checked in
        // place; anything this does not settle goes through `decide`.
        if state!.surelyReproduces(recorded.event, actor: recorded.actor) { return }
        guard let action = SessionState.action(reproducing: recorded.event) else {
            throw fail("store.recording.started_again")
        }
        let produced: [Event]
        do {
            produced = try state!.decide(Command(actor: recorded.actor, action: action, time: recorded.time))
        } catch {
            throw fail(
                "store.recording.refused", ["type": .text(recorded.event.type), "reason": .message(error.message)])
        }
        guard produced.count == 1, produced[0] == recorded.event else {
            throw fail("store.recording.not_following", ["type": .text(recorded.event.type)])
        }
    }
}
