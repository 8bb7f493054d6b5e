import AtelierCore

/// Random commands against a session's current state: mostly ones the rules
/// accept, with a share of refused ones (unknown ids, values off the scale,
/// participants speaking for others, a locked stage...).
public struct CommandGenerator {
    var random: SeededRandom
    var time: Timestamp = 1_714_550_400_000
    /// Commands issued so far; `end` comes only late in a sequence.
    var issued = 0

    static let departments = ["marketing", "service-client", "direction", "juridique", "rh", "Bad Id"]
    static let names = ["ana", "bruno", "chloe", "driss", "emma", "farid", "gael", "marketing"]
    static let texts = ["Une page par produit", "  Veille des avis clients  ", "", "Charte de prise de parole"]

    /// Whether `round` is among the commands (off: the sequences of a seed
    /// stay those drawn before rounds existed).
    let rounds: Bool

    public init(seed: UInt64, rounds: Bool = false) {
        random = SeededRandom(seed: seed)
        self.rounds = rounds
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    public mutating func next(_ state: SessionState) -> Command {
        issued += 1
        time += Timestamp.random(in: 0...4000, using: &random)
        let present = state.presentParticipants.map(\.name)
        let departments = state.departments.map(\.id)
        let stage = state.stage
        // A participant speaks now and then; otherwise the facilitator types.
        let actor: Actor = !present.isEmpty && chance(30) ? .participant(pick(present)) : .facilitator
        let who = pick(present + departments + ["nobody"])
        let action: Action
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<8: action = .addDepartment(id: pick(Self.departments), name: pick(["", "Service client", "RH"]))
        case 8..<16:
            action = .join(name: pick(Self.names), department: pick(departments + ["unknown"]))
        case 16..<19: action = .leave(name: pick(Self.names))
        case 19..<27: action = .next
        case 27..<29: action = .previous
        case 29..<32: action = .goTo(stage: pick(state.workshop.stages.map(\.id) + ["nowhere"]))
        case 32..<34: action = .lock
        case 34..<37: action = .unlock
        case 37..<39: action = rounds && state.revealed.contains(state.currentStage) ? .round : .reveal
        case 39..<40: action = .timer(minutes: pick([0, 5, 10, 200]))
        case 40..<62:
            let items = (stage?.items.map(\.id) ?? []) + ["bogus"]
            action = .rate(
                who: who, item: chance(20) ? nil : pick(items), value: Int.random(in: -1...5, using: &random))
        case 62..<70:
            action = .pick(who: who, option: pick((stage?.options.map(\.id) ?? []) + ["bogus"]))
        case 70..<76: action = .declareStrategy(department: pick(departments + ["x"]), text: pick(Self.texts))
        case 76..<81: action = .knows(department: pick(departments + ["x"]), other: pick(departments + ["y"]))
        case 81..<85: action = .shares(department: pick(departments + ["x"]), other: pick(departments + ["y"]))
        case 85..<90: action = .note(text: pick(Self.texts))
        case 90..<99: action = .undo
        default: action = issued > 200 && chance(50) ? .end : .note(text: "fin proche")
        }
        return Command(actor: actor, action: action, time: time)
    }
}

/// A small seeded random generator (SplitMix64), so a failing sequence can be
/// replayed from its seed.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
