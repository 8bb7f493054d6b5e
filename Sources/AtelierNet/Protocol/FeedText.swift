import AtelierCore

/// The facilitator's live view of the room, one compact line per event:
/// joins and leaves, and (unless quiet) each participant's answer with how
/// many of those present have answered the current stage.
enum FeedText {
    static let shortText = 60

    static func lines(for events: [RecordedEvent], in state: SessionState, quiet: Bool, _ catalog: Catalog)
        -> [String]
    {
        events.compactMap { line(for: $0, in: state, quiet: quiet, catalog) }
    }

    static func line(for recorded: RecordedEvent, in state: SessionState, quiet: Bool, _ catalog: Catalog) -> String? {
        let present = state.presentParticipants.count
        switch recorded.event {
        case .participantJoined(let name, let department):
            return catalog.text(
                "net.feed.joined", ["name": .text(name), "department": .text(department), "count": .count(present)])
        case .participantLeft(let name):
            return catalog.text("net.feed.left", ["name": .text(name), "count": .count(present)])
        default:
            break
        }
        guard !quiet, let name = recorded.actor.participantName else { return nil }
        let answer: String
        switch recorded.event {
        case .rated(_, _, let item, let value):
            answer = catalog.text("net.feed.rated", ["name": .text(name), "item": .text(item), "value": .count(value)])
        case .picked(_, _, let option):
            answer = catalog.text("net.feed.picked", ["name": .text(name), "option": .text(option)])
        case .strategyDeclared(let department, let text):
            answer = catalog.text(
                "net.feed.strategy", ["name": .text(name), "department": .text(department), "text": .text(short(text))])
        case .knowsDeclared(let department, let other):
            answer = catalog.text(
                "net.feed.knows", ["name": .text(name), "department": .text(department), "other": .text(other)])
        case .sharesDeclared(let department, let other):
            answer = catalog.text(
                "net.feed.shares", ["name": .text(name), "department": .text(department), "other": .text(other)])
        case .noteAdded(_, let text):
            return catalog.text("net.feed.note", ["name": .text(name), "text": .text(short(text))])
        default:
            return nil
        }
        guard let answered = answered(state) else { return answer }
        return answer + " — " + catalog.text("net.feed.answered", ["answered": .count(answered), "count": .count(present)])
    }

    /// How many present participants have answered the current stage: every
    /// item of a rating stage, the pick of a pick stage, a strategy of their
    /// department on a strategy stage. nil on stages that take no answers.
    static func answered(_ state: SessionState) -> Int? {
        guard let stage = state.stage else { return nil }
        let present = state.presentParticipants
        switch stage.kind {
        case .rating:
            return present.filter { participant in
                stage.items.allSatisfy { state.ratings[$0.id]?[.participant(participant.name)]?.isEmpty == false }
            }.count
        case .pick:
            return present.filter { state.picks[stage.id]?[.participant($0.name)]?.isEmpty == false }.count
        case .strategy:
            return present.filter { state.strategies[$0.department]?.isEmpty == false }.count
        case .intro, .discussion:
            return nil
        }
    }

    static func short(_ text: String) -> String {
        text.count <= shortText ? text : String(text.prefix(shortText - 1)) + "…"
    }
}
