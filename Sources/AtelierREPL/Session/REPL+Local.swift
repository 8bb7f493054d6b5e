import AtelierCore
import AtelierTerminal

/// The REPL's own commands: they show things and change nothing.
extension REPL {
    func local(_ command: LocalCommand, line: Int) async -> Step {
        // The live state: a change accepted a moment ago shows even if its line is still on its way.
        let state = live.state
        let output: [String]
        let terminal = terminal
        switch command {
        case .quit:
            return .quit
        case .pager(let on):
            console.pager?.enabled = on
            output = [catalog.text(on ? "repl.pager.on" : "repl.pager.off")]
        case .clear:
            console.clearScreen()
            return .done
        case .help(nil):
            output = HelpView.lines(table: table, context: terminal)
        case .help(let word?):
            guard let lines = HelpView.lines(command: word, table: table, context: terminal) else {
                let error = ParseError.unknownCommand(word, suggestion: table.suggestion(for: word))
                return refuse(error.render(catalog), line: line)
            }
            output = lines
        case .stage:
            output = StageView.lines(state: state, table: table, context: terminal, now: clock())
        case .status:
            output = RoomView.status(state: state, context: terminal)
        case .departments:
            output = RoomView.departments(state: state, context: terminal)
        case .participants:
            output = RoomView.participants(state: state, context: terminal)
        case .strategies(let department):
            if let department, state.department(department) == nil {
                let error = DomainError.unknownDepartment(department, known: state.departments.map(\.id))
                return refuse(catalog.render(error.message), line: line)
            }
            output = StrategyView.lines(department: department, state: state, context: terminal)
        case .results(let stageID, let all):
            let id = stageID ?? state.currentStage
            guard state.workshop.stage(id) != nil else {
                let error = DomainError.unknownStage(id, known: state.workshop.stages.map(\.id))
                return refuse(catalog.render(error.message), line: line)
            }
            output = results(id, state: state, all: all)
        case .consensus:
            // The rounds only when a stage had more than one: the others print as before.
            let rounds = state.rounds.isEmpty ? nil : RoundsAnalysis.shown(state)
            output = ConsensusView.lines(analysis: analysis(of: state), state: state, context: terminal, rounds: rounds)
        case .rounds(let stageID):
            let id = stageID ?? state.currentStage
            guard let stage = state.workshop.stage(id) else {
                let error = DomainError.unknownStage(id, known: state.workshop.stages.map(\.id))
                return refuse(catalog.render(error.message), line: line)
            }
            output = RoundsView.lines(
                stage: stage, rounds: RoundsAnalysis.shown(state), analysis: analysis(of: state), context: terminal)
        case .silos:
            output = SilosView.lines(analysis: analysis(of: state), state: state, context: terminal)
        case .maturity:
            output = MaturityView.lines(analysis: analysis(of: state), state: state, context: terminal)
        case .export(let format, let path, let force):
            guard let exporter else { return refuse(catalog.text("repl.error.no_export"), line: line) }
            do {
                output = try exporter.export(
                    format: format, path: path, replace: force, state: state, catalog: catalog)
            } catch {
                return refuse(catalog.render(error.message), line: line)
            }
        }
        await console.page(output)
        return .done
    }

    /// The results of a stage: the detailed tally of a rating or pick stage
    /// (with its rounds side by side when it had more than one), the
    /// strategies of a strategy stage, the notes of the others. `all` shows
    /// the small groups' figures too (the facilitator asked for them).
    func results(_ stageID: String, state: SessionState, all: Bool = false) -> [String] {
        guard let stage = state.workshop.stage(stageID) else { return [] }
        switch stage.kind {
        case .rating, .pick:
            let analysis = all ? Analysis.of(state, language: catalog.language) : analysis(of: state)
            guard state.round(of: stage.id) > 1 else {
                return TallyView.lines(
                    stage: stage, analysis: analysis, state: state, context: terminal, detailed: true)
            }
            let rounds = all ? RoundsAnalysis.of(state) : RoundsAnalysis.shown(state)
            return RoundMovesView.results(
                stage: stage, analysis: analysis, rounds: rounds, state: state, context: terminal)
        case .strategy:
            return StrategyView.lines(department: nil, state: state, context: terminal)
        case .intro, .discussion:
            return StrategyView.notes(stage: stage.id, state: state, context: terminal)
        }
    }
}
