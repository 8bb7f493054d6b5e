/// A department taking part in the workshop.
public struct Department: Sendable, Hashable {
    public let id: String
    public let name: String
}

/// A participant and the department they speak for.
public struct Participant: Sendable, Hashable {
    public let name: String
    public let department: String
    public var present: Bool
    /// How many times they joined (a dropped participant may come back).
    public var joins: Int
}

/// One answer as given; the journal keeps every change, the last one of
/// each round counts.
public struct Answer: Sendable, Hashable {
    public let seq: Int64
    public let time: Timestamp
    public let value: Int
    /// The round of its stage it was given in (1 before any `round`).
    public let round: Int
}

public struct PickAnswer: Sendable, Hashable {
    public let seq: Int64
    public let time: Timestamp
    public let option: String
    public let round: Int
}

public struct StrategyItem: Sendable, Hashable {
    public let seq: Int64
    public let text: String
}

/// A directed statement between two departments (`knows` or `shares`).
public struct Link: Sendable, Hashable {
    public let seq: Int64
    public let from: String
    public let to: String
}

public struct Note: Sendable, Hashable {
    public let seq: Int64
    public let time: Timestamp
    public let actor: Actor
    public let stage: String
    public let text: String
}

public struct StageTimer: Sendable, Hashable {
    public let stage: String
    public let start: Timestamp
    public let seconds: Int

    public var end: Timestamp { start + Timestamp(seconds) * 1000 }
}

/// The state of a session: the fold of its events over its workshop.
public struct SessionState: Sendable {
    public let id: String
    public let workshop: Workshop
    public internal(set) var locale: String
    public internal(set) var startedAt: Timestamp?
    public internal(set) var lastEventAt: Timestamp?
    public internal(set) var endedAt: Timestamp?
    public internal(set) var lastSeq: Int64 = 0
    public internal(set) var eventCount = 0
    /// Participants known by a pseudonym only (`Pseudonym`); set by the first event, never turned off.
    public internal(set) var anonymous = false
    /// Department figures from fewer answers are withheld from the room and exports (`SmallGroups`).
    public internal(set) var minGroup: Int?

    public internal(set) var departments: [Department] = []
    public internal(set) var participantOrder: [String] = []
    public internal(set) var participants: [String: Participant] = [:]

    public internal(set) var currentStage: String
    public internal(set) var locked: Set<String> = []
    public internal(set) var revealed: Set<String> = []
    public internal(set) var timer: StageTimer?

    /// Rating history per item, per rater.
    public internal(set) var ratings: [String: [Rater: [Answer]]] = [:]
    /// Every rater that ever rated, numbered in the order of their first rating,
    /// and per item each rater's last value by that number (`noAnswer` when none):
    /// the same facts as `ratings`, laid out for the analysis (see LatestValues.swift).
    public internal(set) var raterOrder: [Rater] = []
    public internal(set) var raterNumbers: [Rater: Int] = [:]
    public internal(set) var latestValues: [String: [Int]] = [:]
    /// Pick history per pick stage, per rater.
    public internal(set) var picks: [String: [Rater: [PickAnswer]]] = [:]
    public internal(set) var strategies: [String: [StrategyItem]] = [:]
    public internal(set) var knows: [Link] = []
    public internal(set) var shares: [Link] = []
    public internal(set) var notes: [Note] = []

    /// The facilitator's actions that `undo` can still take back, newest last.
    public internal(set) var undoable: [RecordedEvent] = []

    /// The current round of each stage reopened at least once (absent: round 1).
    public internal(set) var rounds: [String: Int] = [:]
    /// Whether the stage was locked when each round started, by the event's
    /// sequence number: `undo` of the round locks it again.
    var lockedAtRoundStart: [Int64: Bool] = [:]
    /// The consensus criteria and the workshop digest the first event
    /// recorded; nil for a session started before they were recorded.
    public internal(set) var recordedCriteria: String?
    public internal(set) var workshopDigest: String?

    public init(id: String, workshop: Workshop, locale: String = "fr") {
        self.id = id
        self.workshop = workshop
        self.locale = locale
        self.currentStage = workshop.stages.first?.id ?? ""
    }

    /// The state after folding these events, in order.
    public static func fold(
        id: String, workshop: Workshop, events: some Sequence<RecordedEvent>
    ) -> SessionState {
        var state = SessionState(id: id, workshop: workshop)
        for event in events { state.apply(event) }
        return state
    }

    // MARK: - Queries

    public var isEnded: Bool { endedAt != nil }
    public var stage: Stage? { workshop.stage(currentStage) }

    public func department(_ id: String) -> Department? { departments.first { $0.id == id } }

    public var presentParticipants: [Participant] {
        participantOrder.compactMap { participants[$0] }.filter(\.present)
    }

    /// Participants of a department, in the order they joined.
    public func members(of department: String) -> [Participant] {
        participantOrder.compactMap { participants[$0] }.filter { $0.department == department }
    }

    /// The department a rater speaks for.
    public func department(of rater: Rater) -> String? {
        switch rater {
        case .department(let id): return id
        case .participant(let name): return participants[name]?.department
        }
    }

    /// The current round of a stage: 1 until the facilitator starts another.
    public func round(of stage: String) -> Int { rounds[stage] ?? 1 }

    /// The last rating of each rater on an item in the current round of its stage.
    public func latestRatings(item: String) -> [Rater: Int] {
        let round = workshop.stage(holdingItem: item).map { self.round(of: $0.id) } ?? 1
        return latestRatings(item: item, round: round)
    }

    /// The last rating of each rater on an item in a round.
    public func latestRatings(item: String, round: Int) -> [Rater: Int] {
        (ratings[item] ?? [:]).compactMapValues { $0.last { $0.round == round }?.value }
    }

    /// The last pick of each rater on a pick stage in its current round.
    public func latestPicks(stage: String) -> [Rater: String] {
        latestPicks(stage: stage, round: round(of: stage))
    }

    /// The last pick of each rater on a pick stage in a round.
    public func latestPicks(stage: String, round: Int) -> [Rater: String] {
        (picks[stage] ?? [:]).compactMapValues { $0.last { $0.round == round }?.option }
    }

    public func knows(_ department: String, _ other: String) -> Bool {
        knows.contains { $0.from == department && $0.to == other }
    }

    public func shares(_ department: String, _ other: String) -> Bool {
        shares.contains { $0.from == department && $0.to == other }
    }
}
