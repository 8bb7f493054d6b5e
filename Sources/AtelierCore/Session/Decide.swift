/// The session's rules: what a command turns into, or why it is refused.
/// Pure: the state and the command are all it reads.
extension SessionState {
    public static let maxTextLength = 500
    public static let maxNameLength = 40
    public static let timerMinutes = 1...180
    /// The most rounds a stage may have.
    public static let maxRounds = 9

    public func decide(_ command: Command) throws(DomainError) -> [Event] {
        if isEnded { throw .sessionEnded }
        let actor = command.actor
        switch command.action {
        case .addDepartment(let id, let name):
            try requireFacilitator(actor, "dept add")
            guard Slug.isValid(id) else { throw .invalidDepartmentID(id) }
            guard department(id) == nil else { throw .departmentExists(id) }
            guard !participants.keys.contains(where: { $0.lowercased() == id }) else { throw .nameTaken(id) }
            guard PlainText.isPlain(name) else { throw .controlCharacters }
            let display = PlainText.showsSomething(name) ? name : id
            guard display.count <= Self.maxNameLength * 2 else { throw .textTooLong(max: Self.maxNameLength * 2) }
            return [.departmentAdded(id: id, name: display)]

        case .join(let name, let departmentID):
            if case .participant(let self_) = actor, self_ != name { throw .notYourAnswer(who: name, you: self_) }
            if !anonymous {
                try validateName(name)
            } else if participants[name] == nil {
                return try joinAnonymously(name, departmentID)
            }
            let dept = try requireDepartment(departmentID)
            if let existing = participants[name] {
                guard !existing.present else { throw .nameTaken(name) }
                guard existing.department == dept.id else { throw .nameTaken(name) }
            }
            return [.participantJoined(name: name, department: dept.id)]

        case .leave(let name):
            if case .participant(let self_) = actor, self_ != name { throw .notYourAnswer(who: name, you: self_) }
            guard let participant = participants[name], participant.present else {
                throw .unknownParticipant(name, known: presentParticipants.map(\.name))
            }
            return [.participantLeft(name: participant.name)]

        case .next:
            try requireFacilitator(actor, "next")
            let index = workshop.stageIndex(currentStage) ?? 0
            guard index + 1 < workshop.stages.count else { throw .noNextStage(current: currentStage) }
            return [.stageChanged(from: currentStage, to: workshop.stages[index + 1].id)]

        case .previous:
            try requireFacilitator(actor, "prev")
            let index = workshop.stageIndex(currentStage) ?? 0
            guard index > 0 else { throw .noPreviousStage(current: currentStage) }
            return [.stageChanged(from: currentStage, to: workshop.stages[index - 1].id)]

        case .goTo(let target):
            try requireFacilitator(actor, "goto")
            guard workshop.stage(target) != nil else {
                throw .unknownStage(target, known: workshop.stages.map(\.id))
            }
            guard target != currentStage else { throw .alreadyOnStage(target) }
            return [.stageChanged(from: currentStage, to: target)]

        case .lock:
            try requireFacilitator(actor, "lock")
            guard !locked.contains(currentStage) else { throw .alreadyLocked(currentStage) }
            return [.stageLocked(stage: currentStage)]

        case .unlock:
            try requireFacilitator(actor, "unlock")
            guard locked.contains(currentStage) else { throw .notLocked(currentStage) }
            return [.stageUnlocked(stage: currentStage)]

        case .reveal:
            try requireFacilitator(actor, "reveal")
            guard !revealed.contains(currentStage) else { throw .alreadyRevealed(currentStage) }
            return [.stageRevealed(stage: currentStage)]

        case .round:
            try requireFacilitator(actor, "round")
            guard let stage, stage.kind == .rating || stage.kind == .pick else {
                throw .noRoundsHere(stage: currentStage)
            }
            guard revealed.contains(stage.id) else { throw .roundNeedsReveal(stage.id) }
            let round = round(of: stage.id)
            guard round < Self.maxRounds else { throw .tooManyRounds(stage: stage.id, max: Self.maxRounds) }
            return [.roundStarted(stage: stage.id, round: round + 1)]

        case .timer(let minutes):
            try requireFacilitator(actor, "timer")
            guard Self.timerMinutes.contains(minutes) else {
                throw .timerRange(minutes, min: Self.timerMinutes.lowerBound, max: Self.timerMinutes.upperBound)
            }
            return [.timerStarted(stage: currentStage, seconds: minutes * 60)]

        case .rate(let who, let itemID, let value):
            let stage = try openStage(.rating)
            let rater = try resolveRater(who, actor: actor)
            let item = try resolveItem(itemID, in: stage, actor: actor)
            guard let scale = workshop.scale(of: stage) else {
                throw .wrongStageKind(stage: stage.id, expected: .rating, actual: stage.kind)
            }
            guard scale.points.contains(value) else {
                throw .valueOutOfScale(value, min: scale.min, max: scale.max, stage: stage.id)
            }
            return [.rated(rater: rater, stage: stage.id, item: item.id, value: value)]

        case .pick(let who, let optionID):
            let stage = try openStage(.pick)
            let rater = try resolveRater(who, actor: actor)
            guard let option = stage.option(anyCase: optionID) else {
                throw .unknownOption(optionID, stage: stage.id, known: stage.options.map(\.id))
            }
            return [.picked(rater: rater, stage: stage.id, option: option.id)]

        case .declareStrategy(let departmentID, let text):
            _ = try openStage(.strategy)
            let dept = try requireOwnDepartment(departmentID, actor: actor)
            let trimmed = try validateText(text)
            return [.strategyDeclared(department: dept.id, text: trimmed)]

        case .knows(let departmentID, let otherID):
            _ = try openStage(.strategy)
            let (dept, other) = try requirePair(departmentID, otherID, actor: actor)
            guard !knows(dept, other) else { throw .alreadyKnows(dept, other: other) }
            guard strategies[other]?.isEmpty == false else { throw .noStrategyToKnow(dept, other: other) }
            return [.knowsDeclared(department: dept, other: other)]

        case .shares(let departmentID, let otherID):
            _ = try openStage(.strategy)
            let (dept, other) = try requirePair(departmentID, otherID, actor: actor)
            guard !shares(dept, other) else { throw .alreadyShares(dept, other: other) }
            return [.sharesDeclared(department: dept, other: other)]

        case .note(let text):
            let trimmed = try validateText(text)
            return [.noteAdded(stage: currentStage, text: trimmed)]

        case .undo:
            try requireFacilitator(actor, "undo")
            guard let last = undoable.last else { throw .nothingToUndo }
            return [.undone(seq: last.seq)]

        case .end:
            try requireFacilitator(actor, "quit")
            return [.sessionEnded]
        }
    }

    /// A newcomer to an anonymous session: the typed name is checked as any
    /// name is, then left out; the event records the next pseudonym of the
    /// department. A name that only looks like a pseudonym is refused (coming
    /// back under one is the seat token's business, through the room).
    /// (A join naming the very pseudonym it would get is the replay of one:
    /// the same event again.)
    private func joinAnonymously(_ name: String, _ departmentID: String) throws(DomainError) -> [Event] {
        let dept = try requireDepartment(departmentID)
        let pseudonym = nextPseudonym(department: dept.id)
        if name != pseudonym {
            try validateName(name)
            guard Pseudonym.parse(name) == nil else { throw .invalidName(name) }
        }
        return [.participantJoined(name: pseudonym, department: dept.id)]
    }

    // MARK: - Rules shared by several commands

    private func requireFacilitator(_ actor: Actor, _ command: String) throws(DomainError) {
        guard actor == .facilitator else { throw .facilitatorOnly(command: command) }
    }

    private func requireDepartment(_ id: String) throws(DomainError) -> Department {
        guard let dept = department(anyCase: id) else {
            throw .unknownDepartment(id, known: departments.map(\.id))
        }
        return dept
    }

    /// A participant speaks only for their own department.
    private func requireOwnDepartment(_ id: String, actor: Actor) throws(DomainError) -> Department {
        let dept = try requireDepartment(id)
        if let name = actor.participantName, let own = participants[name]?.department, own != dept.id {
            throw .notYourDepartment(department: dept.id, yours: own)
        }
        return dept
    }

    private func requirePair(_ id: String, _ otherID: String, actor: Actor) throws(DomainError) -> (String, String) {
        let dept = try requireOwnDepartment(id, actor: actor)
        let other = try requireDepartment(otherID)
        guard dept.id != other.id else { throw .selfReference(dept.id) }
        return (dept.id, other.id)
    }

    /// The current stage, if it is of this kind and accepts answers.
    private func openStage(_ kind: StageKind) throws(DomainError) -> Stage {
        guard let stage else { throw .unknownStage(currentStage, known: workshop.stages.map(\.id)) }
        guard stage.kind == kind else { throw .wrongStageKind(stage: stage.id, expected: kind, actual: stage.kind) }
        guard !locked.contains(stage.id) else { throw .stageLocked(stage.id) }
        return stage
    }

    private func resolveRater(_ who: String, actor: Actor) throws(DomainError) -> Rater {
        if let name = actor.participantName, who != name { throw .notYourAnswer(who: who, you: name) }
        if let participant = participants[who], participant.present { return .participant(participant.name) }
        if let dept = department(anyCase: who) { return .department(dept.id) }
        throw .unknownRater(
            who, participants: presentParticipants.map(\.name), departments: departments.map(\.id))
    }

    /// A participant who types the facilitator's `rate WHO VALUE` names someone
    /// else where an item goes: that is refused as answering for another.
    private func resolveItem(_ id: String?, in stage: Stage, actor: Actor) throws(DomainError) -> Item {
        guard let id else {
            guard stage.items.count == 1, let only = stage.items.first else {
                throw .itemRequired(stage: stage.id, known: stage.items.map(\.id))
            }
            return only
        }
        guard let item = stage.item(anyCase: id) else {
            if let name = actor.participantName, id != name,
                participants[id] != nil || department(anyCase: id) != nil
            {
                throw .notYourAnswer(who: id, you: name)
            }
            throw .unknownItem(id, stage: stage.id, known: stage.items.map(\.id))
        }
        return item
    }

    /// A name is typed by others (`kick NAME`, `rate NAME ...`) and read by
    /// everyone: visible characters only, none that hides, joins or turns text.
    /// Words may be separated by one plain space (`Jean Dupont`), typed in
    /// double quotes (`join CODE "Jean Dupont" marketing`).
    private func validateName(_ name: String) throws(DomainError) {
        guard !name.isEmpty else { throw .emptyName }
        let scalars = name.unicodeScalars
        guard name.count <= Self.maxNameLength, name.allSatisfy({ $0.unicodeScalars.count <= 4 }),
            scalars.allSatisfy({
                ($0 == " " || !$0.properties.isWhitespace) && !PlainText.isForbidden($0)
                    && $0.properties.generalCategory != .format && !$0.properties.isDefaultIgnorableCodePoint
                    && !PlainText.isBlankLooking($0)
            }),
            name.first != " ", name.last != " ", !name.contains("  "),
            scalars.contains(where: PlainText.isVisible),
            !name.contains("\""), !name.contains("'")
        else { throw .invalidName(name) }
        // Ids are found whatever their case: `HR` would stand for the department `hr`.
        guard department(anyCase: name) == nil else { throw .nameIsDepartment(name) }
    }

    private func validateText(_ text: String) throws(DomainError) -> String {
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        guard !trimmed.isEmpty else { throw .emptyText }
        guard trimmed.count <= Self.maxTextLength else { throw .textTooLong(max: Self.maxTextLength) }
        guard PlainText.isPlain(trimmed) else { throw .controlCharacters }
        return trimmed
    }
}

// Ids are lowercase slugs: what a person types in capitals (`Marketing`,
// `Control`) can only mean the lowercase id.
extension SessionState {
    fileprivate func department(anyCase id: String) -> Department? { department(id) ?? department(id.lowercased()) }
}

extension Stage {
    fileprivate func item(anyCase id: String) -> Item? { item(id) ?? item(id.lowercased()) }
    fileprivate func option(anyCase id: String) -> Option? { option(id) ?? option(id.lowercased()) }
}
