import AtelierCore

/// The stage's timer: the time left when the page was rendered, which the
/// script counts down (`data-left`, milliseconds); without the script the
/// page shows the minutes and seconds as rendered.
enum Countdown {
    static func html(state: SessionState, stage: Stage, now: Timestamp, catalog: Catalog) -> String {
        guard let timer = state.timer, timer.stage == stage.id else { return "" }
        let left = max(0, timer.end - now)
        guard left > 0 else {
            return HTML.el("span", [("class", "badge timer done")], HTML.text(catalog.text("net.push.time_up")))
        }
        let clock = HTML.el("span", [("class", "countdown"), ("data-left", String(left))], clockText(left))
        return HTML.el(
            "span", [("class", "badge timer"), ("role", "timer")],
            HTML.text(catalog.text("web.timer.left")) + " " + clock)
    }

    /// `m:ss`, rounding up to the next second (as a countdown reads).
    static func clockText(_ milliseconds: Int64) -> String {
        let seconds = (max(0, milliseconds) + 999) / 1000
        let rest = seconds % 60
        return "\(seconds / 60):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
