import AtelierCore
import Testing

@testable import AtelierNet

/// The facilitator's "N of M present answered" count is kept up to date
/// event by event; after every command it must say what counting the whole
/// state again says.
@Suite("Answered tally")
struct AnsweredTallyTests {
    struct Replay {
        var state: SessionState
        var tally: FeedText.Tally
        var time: Int64 = 0

        init() throws {
            state = SessionState(id: "tally", workshop: try Repository.workshop("coping-patterns"), locale: "en")
            tally = FeedText.Tally(state)
        }

        /// Applies the command as the live session would, then returns the
        /// count as kept (checked against a fresh count of the whole state).
        mutating func run(_ action: Action, by actor: Actor = .facilitator) throws -> FeedText.Count {
            time += 1
            let recorded = try state.execute(Command(actor: actor, action: action, time: time))
            tally.update(recorded, state)
            #expect(tally.count(state) == FeedText.Tally(state).count(state), "after \(action)")
            return tally.count(state)
        }
    }

    static func count(_ stage: String, _ answered: Int?, of present: Int) -> FeedText.Count {
        FeedText.Count(stage: stage, answered: answered, present: present)
    }

    @Test func followsAnswersJoinsLeavesUndoAndStages() throws {
        var replay = try Replay()
        _ = try replay.run(.addDepartment(id: "marketing", name: "Marketing"))
        _ = try replay.run(.addDepartment(id: "legal", name: "Legal"))
        #expect(try replay.run(.join(name: "alice", department: "marketing")) == Self.count("intro", nil, of: 1))
        _ = try replay.run(.join(name: "bob", department: "legal"))
        _ = try replay.run(.join(name: "carol", department: "marketing"))
        #expect(try replay.run(.goTo(stage: "brakes")) == Self.count("brakes", 0, of: 3))
        let alice = Actor.participant("alice")
        #expect(
            try replay.run(.rate(who: "alice", item: "control", value: 3), by: alice) == Self.count("brakes", 0, of: 3))
        _ = try replay.run(.rate(who: "alice", item: "understanding", value: 2), by: alice)
        #expect(
            try replay.run(.rate(who: "alice", item: "strategy", value: 4), by: alice) == Self.count("brakes", 1, of: 3)
        )
        // The facilitator answers for bob, then takes it back.
        for item in ["control", "understanding", "strategy"] {
            _ = try replay.run(.rate(who: "bob", item: item, value: 1))
        }
        #expect(try replay.run(.undo) == Self.count("brakes", 1, of: 3))
        #expect(try replay.run(.rate(who: "bob", item: "strategy", value: 1)) == Self.count("brakes", 2, of: 3))
        // Leaving takes an answer out of the count; coming back brings it in.
        #expect(try replay.run(.leave(name: "alice"), by: alice) == Self.count("brakes", 1, of: 2))
        #expect(
            try replay.run(.join(name: "alice", department: "marketing"), by: alice) == Self.count("brakes", 2, of: 3))
        // A strategy counts for every present member of its department.
        #expect(try replay.run(.goTo(stage: "strategy")) == Self.count("strategy", 0, of: 3))
        #expect(
            try replay.run(.declareStrategy(department: "marketing", text: "Listen first"), by: alice)
                == Self.count("strategy", 2, of: 3))
        #expect(try replay.run(.goTo(stage: "position")) == Self.count("position", 0, of: 3))
        #expect(
            try replay.run(.pick(who: "carol", option: "drift"), by: .participant("carol"))
                == Self.count("position", 1, of: 3))
        #expect(try replay.run(.undo) == Self.count("strategy", 2, of: 3))
    }
}

extension AnsweredTallyTests {
    /// The last one gone, the count does not read "0 of 0 present answered" (issue 18).
    @Test func whenTheLastOneLeavesTheLineSaysNobodyIsLeft() throws {
        let catalogs = try Repository.catalogs()
        let before = Self.count("ignore", 1, of: 1)
        let after = Self.count("ignore", 0, of: 0)
        #expect(
            FeedText.answeredLine(before: before, after: after, catalogs["en"]!)
                == "nobody is present any more to answer ignore")
        #expect(
            FeedText.answeredLine(before: before, after: after, catalogs["fr"]!)
                == "plus personne n'est présent pour répondre à ignore")
        #expect(
            FeedText.answeredLine(before: after, after: Self.count("ignore", 0, of: 1), catalogs["fr"]!)
                == "0 sur 1 présent a répondu à ignore")
    }
}
