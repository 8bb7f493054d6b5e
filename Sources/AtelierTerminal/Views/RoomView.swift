import AtelierCore

/// Who is in the room: `departments`, `participants` and `status`.
public enum RoomView {
    public static func departments(state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        guard !state.departments.isEmpty else { return [catalog.text("repl.room.no_departments")] }
        // An id is never cut: it is what the facilitator types.
        let idWidth = (state.departments.map(\.id.count).max() ?? 0) + 2
        return state.departments.flatMap { department -> [String] in
            let members = state.members(of: department.id).map { $0.present ? $0.name : "(\($0.name))" }
            let name = department.name == department.id ? "" : department.name + " · "
            let text =
                name
                + (members.isEmpty
                    ? catalog.text("repl.room.no_members")
                    : catalog.text("repl.room.members", ["count": .count(members.count), "names": .list(members)]))
            return context.wrap(text, indent: 2 + idWidth, first: "  " + AnalysisLayout.left(department.id, idWidth))
        }
    }

    public static func participants(state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let everyone = state.participantOrder.compactMap { state.participants[$0] }
        guard !everyone.isEmpty else { return [catalog.text("repl.room.no_participants")] }
        let nameWidth = min(40, everyone.map(\.name.count).max() ?? 0) + 2
        let departmentWidth = (everyone.map(\.department.count).max() ?? 0) + 2
        return everyone.map { participant in
            let presence = catalog.text(participant.present ? "repl.room.present" : "repl.room.gone")
            return "  " + AnalysisLayout.left(participant.name, nameWidth)
                + AnalysisLayout.left(participant.department, departmentWidth) + presence
        }
    }

    /// Who is present, and who has answered the current stage: ✓ done,
    /// `1/3` partly (several items), · not yet.
    public static func status(state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let style = context.style
        guard let stage = state.stage else { return [] }
        let present = state.presentParticipants.count
        var out = [
            catalog.text(
                "repl.status.header",
                [
                    "stage": .text(stage.id), "kind": .message(LocalizedMessage("kind.\(stage.kind.rawValue)")),
                    "departments": .count(state.departments.count), "count": .count(present),
                ])
        ]
        if state.departments.isEmpty { return out + [catalog.text("repl.room.no_departments")] }
        let idWidth = (state.departments.map(\.id.count).max() ?? 0) + 2
        var answered = 0
        var expected = 0
        for department in state.departments {
            let voice = progress(.department(department.id), stage: stage, state: state, style: style)
            let members = state.members(of: department.id).filter(\.present)
            var marks: [String] = []
            if stage.kind == .strategy {
                // A strategy is the department's: one mark, then who is there.
                marks = [catalog.text("repl.status.strategy", ["mark": .text(voice.text)])] + members.map(\.name)
                expected += 1
                if voice.done { answered += 1 }
            } else {
                for member in members {
                    let mark = progress(.participant(member.name), stage: stage, state: state, style: style)
                    marks.append(mark.text.isEmpty ? member.name : "\(member.name) \(mark.text)")
                    expected += 1
                    if mark.done { answered += 1 }
                }
                if voice.done || members.isEmpty {
                    marks.append(catalog.text("repl.status.voice", ["mark": .text(voice.text)]))
                    expected += 1
                    if voice.done { answered += 1 }
                }
            }
            out += context.wrap(
                marks.joined(separator: "  "), indent: 2 + idWidth,
                first: "  " + AnalysisLayout.left(department.id, idWidth))
        }
        // Those present, counted as the network's live line counts them;
        // a room without participants counts the departments' voices.
        if let progress = state.answerProgress {
            out.append(
                progress.present > 0
                    ? catalog.text(
                        "net.feed.answered",
                        [
                            "answered": .count(progress.answered), "count": .count(progress.present),
                            "stage": .text(progress.stage),
                        ])
                    : catalog.text("repl.status.answered", ["count": .count(answered), "total": .count(expected)]))
        }
        return out
    }

    /// How far a rater is on a stage.
    static func progress(_ rater: Rater, stage: Stage, state: SessionState, style: Style) -> (text: String, done: Bool)
    {
        switch stage.kind {
        case .rating:
            let done = stage.items.filter { state.latestRatings(item: $0.id)[rater] != nil }.count
            if done == stage.items.count { return (style.green("✓"), true) }
            return (done == 0 ? "·" : "\(done)/\(stage.items.count)", false)
        case .pick:
            let done = state.latestPicks(stage: stage.id)[rater] != nil
            return (done ? style.green("✓") : "·", done)
        case .strategy:
            let done = !(state.strategies[state.department(of: rater) ?? rater.id] ?? []).isEmpty
            return (done ? style.green("✓") : "·", done)
        case .intro, .discussion:
            return ("", false)
        }
    }
}
