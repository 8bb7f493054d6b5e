import AtelierCore
import AtelierTerminal

/// The `stage` command: where the room is, what it is asked, and how to answer.
public enum StageView {
    public static func lines(
        state: SessionState, table: CommandTable, context: TerminalContext, now: Timestamp? = nil
    ) -> [String] {
        let catalog = context.catalog
        let style = context.style
        let width = context.width
        guard let stage = state.stage else { return [] }
        let workshop = state.workshop
        let language = catalog.language
        let index = (workshop.stageIndex(stage.id) ?? 0) + 1
        var head = catalog.text(
            "repl.stage.header",
            [
                "index": .count(index), "count": .count(workshop.stages.count), "stage": .text(stage.id),
                "title": .text(stage.title.text(language)),
            ])
        if state.locked.contains(stage.id) { head += " · " + catalog.text("repl.stage.locked") }
        if state.revealed.contains(stage.id) { head += " · " + catalog.text("repl.stage.revealed") }
        var out = [style.bold(head)]
        // Ids are never cut: they are what the facilitator types.
        let idWidth = max(12, ((stage.items.map(\.id.count) + stage.options.map(\.id.count)).max() ?? 0) + 1)
        if let timer = state.timer, timer.stage == stage.id, let now, now < timer.end {
            let minutes = Int((timer.end - now + 59_999) / 60_000)
            out.append(catalog.text("repl.stage.timer", ["count": .count(minutes)]))
        }
        out += AnalysisLayout.wrap(stage.prompt.text(language), width: width)
        for item in stage.items {
            out += AnalysisLayout.wrap(
                item.label.text(language), width: width, indent: idWidth + 2,
                first: "  " + AnalysisLayout.left(item.id, idWidth))
            if let description = item.description?.text(language) {
                out += AnalysisLayout.wrap(description, width: width, indent: idWidth + 2).map(style.dim)
            }
            if let example = item.example?.text(language) {
                out += AnalysisLayout.wrap(example, width: width, indent: idWidth + 2).map(style.dim)
            }
        }
        for option in stage.options {
            out += AnalysisLayout.wrap(
                option.label.text(language), width: width, indent: idWidth + 2,
                first: "  " + AnalysisLayout.left(option.id, idWidth))
        }
        if let scale = workshop.scale(of: stage) {
            let labels = scale.points.map { "\($0) \(scale.label($0)?.text(language) ?? "")" }
            out.append(catalog.text("repl.stage.scale"))
            out += Legend.lines(labels, width: width)
        }
        out += AnalysisLayout.wrap(hint(stage, table: table, catalog: catalog), width: width).map(style.dim)
        return out
    }

    /// How to answer on this kind of stage, in the command language.
    static func hint(_ stage: Stage, table: CommandTable, catalog: Catalog) -> String {
        func usage(_ word: String, form: Int = 0, dropOptional: Bool = false) -> String {
            guard let spec = table.spec(word), spec.forms.indices.contains(form) else { return word }
            var pattern = spec.forms[form].pattern
            if dropOptional {
                pattern = pattern.filter { element in
                    if case .slot(let slot) = element { return !slot.optional }
                    return true
                }
            }
            return Usage(word: spec.word, pattern: pattern).render(catalog)
        }
        let usages: [String]
        switch stage.kind {
        case .rating:
            let rate = stage.items.count == 1 ? usage("rate", dropOptional: true) : usage("rate").replacingOptional()
            usages = [rate]
        case .pick:
            usages = [usage("pick")]
        case .strategy:
            usages = [usage("strategy"), usage("knows"), usage("shares")]
        case .intro, .discussion:
            usages = [usage("note"), usage("next")]
        }
        return catalog.text("repl.stage.hint", ["usage": .text(usages.joined(separator: " · "))])
    }
}

extension String {
    /// `rate WHO [ITEM] VALUE` → `rate WHO ITEM VALUE`.
    fileprivate func replacingOptional() -> String {
        String(filter { $0 != "[" && $0 != "]" })
    }
}
