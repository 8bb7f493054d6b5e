import AtelierCore
import AtelierTestFixtures
import AtelierWeb
import Foundation

/// A coping-patterns session built by deciding commands, for the page renderers' tests.
struct PageTestSession {
    var state: SessionState
    private var seq: Int64 = 0
    let catalogs: [String: Catalog]

    /// `minGroup`: an anonymous session (`run --anonymous --min-group K`), its first event saying so.
    init(departments: [(String, String)] = [("marketing", "Marketing"), ("legal", "Legal")], minGroup: Int? = nil)
        throws
    {
        state = SessionState(id: "test", workshop: try Fixtures.workshop("coping-patterns"), locale: "en")
        catalogs = ["en": try Fixtures.catalog("en"), "fr": try Fixtures.catalog("fr")]
        if let minGroup {
            seq += 1
            state.apply(
                RecordedEvent(
                    seq: seq, time: 1_000, actor: .facilitator,
                    event: .sessionStarted(
                        workshop: "coping-patterns", version: 1, locale: "en", anonymous: true, minGroup: minGroup)))
        }
        for (id, name) in departments { try run(.addDepartment(id: id, name: name)) }
    }

    mutating func run(_ action: Action, by actor: Actor = .facilitator, at time: Timestamp = 1_000) throws {
        for event in try state.decide(Command(actor: actor, action: action, time: time)) {
            seq += 1
            state.apply(RecordedEvent(seq: seq, time: time, actor: actor, event: event))
        }
    }

    var languages: [PageLanguage] { PageLanguage.of(Array(catalogs.values)) }

    func participant(
        _ seat: PageSeat?, language: String = "en", now: Timestamp = 1_000, paused: Bool = false,
        prefill: JoinPrefill = JoinPrefill(), refusal: String? = nil, closing: PageClosing? = nil
    ) -> String {
        ParticipantPage.fragment(
            ParticipantPageModel(
                room: RoomSnapshot(state: state, now: now, paused: paused, language: language),
                catalog: catalogs[language]!,
                languages: languages, seat: seat, prefill: prefill, refusal: refusal, closing: closing))
    }

    func projector(now: Timestamp = 1_000, language: String = "en") -> String {
        let url = "http://192.168.1.20:4712/?code=ABC234"
        return ProjectorPage.fragment(
            ProjectorPageModel(
                room: RoomSnapshot(state: state, now: now, language: language), catalog: catalogs[language]!,
                joinURL: url, code: "ABC234",
                qr: QRMatrix(encoding: url)))
    }
}

extension String {
    /// How many times `part` occurs.
    func occurrences(of part: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: part) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
