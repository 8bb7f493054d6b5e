import AtelierCore

/// The silo map on the projector, as a table readable from the back of the
/// room: per department its strategy items, whose strategy it knows and with
/// whom it believes it shares its own (the arrows of the HTML export's drawn
/// map, whose labels could not reach 28 px at 1920×1080 beside the stage).
struct SiloTable {
    let state: SessionState
    let catalog: Catalog

    func html() -> String {
        var head = HTML.el("th", [("scope", "col")], "")
        for key in ["web.screen.silo.strategies", "export.html.legend_knows", "export.html.legend_shares"] {
            head += HTML.el("th", [("scope", "col")], HTML.text(catalog.text(key)))
        }
        var body = ""
        let ids = state.departments.map(\.id)
        for department in state.departments {
            let count = state.strategies[department.id]?.count ?? 0
            let knows = ids.filter { $0 != department.id && state.knows(department.id, $0) }
            let shares = ids.filter { $0 != department.id && state.shares(department.id, $0) }
            var cells = HTML.el("th", [("scope", "row")], HTML.text(department.name))
            cells += HTML.el("td", [("class", count == 0 ? "num none" : "num")], String(count))
            cells += names(knows)
            cells += names(shares)
            body += HTML.el("tr", [], cells)
        }
        return HTML.el(
            "table", [("class", "silos")], HTML.el("thead", [], HTML.el("tr", [], head)) + HTML.el("tbody", [], body))
    }

    func names(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return HTML.el("td", [("class", "none")], "–") }
        return HTML.el(
            "td", [],
            HTML.text(ids.map { state.department($0)?.name ?? $0 }.joined(separator: catalog.listSeparator)))
    }
}
