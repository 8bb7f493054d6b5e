import AtelierCore
import AtelierExport

/// The projector's page (`/screen`), read from the back of a room: how to
/// join during the intro, then each stage's question, how many answered,
/// the countdown, and once revealed the tallies; the summary at the end.
/// It names no participant (the facilitator's tallies do not either).
public enum ProjectorPage {
    public static func document(_ model: ProjectorPageModel) -> String {
        PageShell.document(
            catalog: model.catalog, title: model.room.state.workshop.title.text(model.catalog.language),
            scripts: [PageRoutes.script, PageRoutes.screenScript], socket: PageRoutes.screenSocket, bodyClass: "screen",
            main: fragment(model))
    }

    /// `<main id="room">…</main>`: what a push replaces.
    public static func fragment(_ model: ProjectorPageModel) -> String {
        PageShell.main(catalog: model.catalog, cls: "projector", ProjectorView(model: model).body())
    }
}

struct ProjectorView {
    let model: ProjectorPageModel

    var catalog: Catalog { model.catalog }
    var state: SessionState { model.room.state }
    var language: String { catalog.language }
    func t(_ key: String, _ args: [String: MessageValue] = [:]) -> String { catalog.text(key, args) }

    func body() -> String {
        var out = ""
        if model.room.paused {
            out += HTML.el("p", [("class", "notice paused"), ("role", "status")], HTML.text(t("web.screen.paused")))
        }
        if state.isEnded { return out + summary() }
        guard let stage = state.stage else { return out + joinPanel() }
        out += heading(stage)
        if stage.kind == .intro {
            out += joinPanel()
        } else {
            out += question(stage)
            out += joinStrip()
        }
        return out
    }

    func heading(_ stage: Stage) -> String {
        let number = (state.workshop.stageIndex(stage.id) ?? 0) + 1
        let position =
            state.workshop.title.text(language) + " · "
            + t("web.stage.position", ["number": .count(number), "total": .count(state.workshop.stages.count)])
        var inner = HTML.el("p", [("class", "position")], HTML.text(position))
        inner += HTML.el("h1", [], HTML.text(stage.title.text(language)))
        return HTML.el("header", [("class", "top")], inner)
    }

    // MARK: - Joining

    func joinPanel() -> String {
        var how = HTML.el("p", [("class", "invite")], HTML.text(t("web.screen.join")))
        how += HTML.el("p", [("class", "url")], HTML.text(model.joinURL))
        how += HTML.el(
            "p", [("class", "code-line")],
            HTML.el("span", [("class", "code-label")], HTML.text(t("web.screen.code")))
                + HTML.el("span", [("class", "code")], HTML.text(model.code)))
        how += joined()
        var inner = HTML.el("div", [("class", "how")], how)
        if let qr = model.qr { inner += HTML.el("div", [("class", "qr")], QRSVG.svg(qr, title: model.joinURL)) }
        return HTML.el("section", [("class", "join")], inner)
    }

    /// How many joined, per department (counts only, never names).
    func joined() -> String {
        let present = state.presentParticipants
        var items = ""
        for department in state.departments {
            let count = present.filter { $0.department == department.id }.count
            items += HTML.el(
                "li", [],
                HTML.el("span", [("class", "name")], HTML.text(department.name))
                    + HTML.el("span", [("class", "count")], String(count)))
        }
        let total = HTML.el(
            "p", [("class", "joined-total")], HTML.text(t("web.screen.joined", ["count": .count(present.count)])))
        return total + (items.isEmpty ? "" : HTML.el("ul", [("class", "joined")], items))
    }

    /// On every stage after the intro: where to join, small.
    func joinStrip() -> String {
        HTML.el(
            "footer", [("class", "strip")],
            HTML.text(t("web.screen.strip", ["url": .text(model.joinURL), "code": .text(model.code)])))
    }

    // MARK: - A stage

    func question(_ stage: Stage) -> String {
        var out = HTML.el("p", [("class", "prompt")], HTML.text(stage.prompt.text(language)))
        var status = ""
        let round = state.round(of: stage.id)
        if round > 1 {
            status += HTML.el(
                "span", [("class", "badge round")], HTML.text(t("web.round.position", ["round": .count(round)])))
        }
        // The facilitator's `status` count: who of those present answered the current stage.
        if let progress = state.answerProgress, progress.stage == stage.id {
            status += HTML.el(
                "span", [("class", "badge answered")],
                HTML.text(
                    t(
                        "web.screen.answered",
                        // In French the verb agrees with those who answered: "1 sur 2 a répondu".
                        ["count": .count(progress.answered), "total": .count(progress.present)])))
        }
        if state.locked.contains(stage.id) {
            status += HTML.el("span", [("class", "badge locked")], HTML.text(t("web.stage.locked")))
        }
        status += Countdown.html(state: state, stage: stage, now: model.room.now, catalog: catalog)
        if !status.isEmpty { out += HTML.el("p", [("class", "status")], status) }
        let revealed = state.revealed.contains(stage.id)
        if revealed {
            let results = ResultsView(state: state, analysis: model.room.analysis, catalog: catalog)
            if stage.kind == .strategy {
                // The silo map as a table: the drawn map's labels would be too small from the back of the room.
                out += HTML.el(
                    "figure", [("class", "silo-map")],
                    HTML.el("figcaption", [], HTML.text(t("export.html.silo_map")))
                        + SiloTable(state: state, catalog: catalog).html())
            } else {
                out += results.screen(stage)
            }
        } else {
            out += contents(stage)
        }
        return HTML.el("section", [("class", "stage " + stage.kind.rawValue), ("data-stage", stage.id)], out)
    }

    /// What is asked, before the reveal: the items with their description,
    /// the options, or the departments.
    func contents(_ stage: Stage) -> String {
        switch stage.kind {
        case .rating:
            var items = ""
            for item in stage.items {
                var inner = HTML.el("h2", [], HTML.text(item.label.text(language)))
                if let description = item.description?.text(language) {
                    inner += HTML.el("p", [("class", "description")], HTML.text(description))
                }
                if let example = item.example?.text(language) {
                    inner += HTML.el("p", [("class", "example")], HTML.text(example))
                }
                items += HTML.el("li", [], inner)
            }
            var out = HTML.el("ul", [("class", "items")], items)
            if let scale = state.workshop.scale(of: stage) {
                let points = scale.points.map { point in
                    HTML.el(
                        "li", [],
                        HTML.el("span", [("class", "point")], String(point))
                            + HTML.text(scale.label(point)?.text(language) ?? ""))
                }
                out += HTML.el("ol", [("class", "scale")], points.joined())
            }
            return out
        case .pick:
            return HTML.el(
                "ul", [("class", "options")],
                stage.options.map { HTML.el("li", [], HTML.text($0.label.text(language))) }.joined())
        case .strategy:
            return HTML.el("p", [("class", "hint")], HTML.text(t("web.screen.strategy")))
        case .intro, .discussion:
            return ""
        }
    }

    // MARK: - The end

    func summary() -> String {
        let analysis = model.room.analysis ?? Analysis.shown(state, language: language)
        var out = HTML.el(
            "header", [("class", "top")],
            HTML.el("p", [("class", "position")], HTML.text(state.workshop.title.text(language)))
                + HTML.el("h1", [], HTML.text(t("web.screen.ended"))))
        // At a glance, then where each department stands (the heatmap as a
        // table): what holds at 28 px on one screen. The silo map was shown
        // on the strategy stage; the glance counts its findings.
        let lines = LiveCharts.glance(state: state, analysis: analysis, catalog: catalog)
        out += HTML.el("ul", [("class", "glance")], lines.map { HTML.el("li", [], HTML.text($0)) }.joined())
        if !state.workshop.ratingItems.isEmpty {
            let results = ResultsView(state: state, analysis: analysis, catalog: catalog)
            out += HTML.el(
                "figure", [("class", "heatmap")],
                HTML.el("figcaption", [], HTML.text(t("export.html.heatmap")))
                    + MedianTable(state: state, analysis: analysis, catalog: catalog, number: results.number).html())
        }
        return HTML.el("section", [("class", "summary")], out)
    }
}
