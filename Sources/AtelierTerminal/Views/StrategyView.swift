import AtelierCore

/// The strategies departments declared, and who knows and shares them;
/// and the notes of a stage.
public enum StrategyView {
    /// One department's (or every department's, when nil) strategy and links.
    public static func lines(department: String?, state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let width = context.width
        let shown = state.departments.filter { department == nil || $0.id == department }
        guard !shown.isEmpty else { return [catalog.text("repl.room.no_departments")] }
        return shown.flatMap { dept -> [String] in
            var out = [dept.name == dept.id ? dept.id : "\(dept.id) · \(dept.name)"]
            let items = state.strategies[dept.id] ?? []
            if items.isEmpty { out.append("  " + catalog.text("repl.strategy.none")) }
            for item in items { out += AnalysisLayout.wrap("“\(item.text)”", width: width, indent: 4, first: "  - ") }
            let knows = state.knows.filter { $0.from == dept.id }.map(\.to)
            let shares = state.shares.filter { $0.from == dept.id }.map(\.to)
            let knownBy = state.knows.filter { $0.to == dept.id }.map(\.from)
            for (key, list) in [
                ("repl.strategy.knows", knows), ("repl.strategy.shares", shares), ("repl.strategy.known_by", knownBy),
            ] where !list.isEmpty {
                out += AnalysisLayout.wrap(
                    catalog.text(key, ["departments": .list(list)]), width: width, indent: 4, first: "  ")
            }
            return out
        }
    }

    public static func notes(stage: String, state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let width = context.width
        let notes = state.notes.filter { $0.stage == stage }
        guard !notes.isEmpty else { return [catalog.text("repl.results.no_notes", ["stage": .text(stage)])] }
        return notes.flatMap { note -> [String] in
            let author = note.actor.participantName.map { "\($0): " } ?? ""
            return AnalysisLayout.wrap(author + note.text, width: width, indent: 4, first: "  - ")
        }
    }
}
