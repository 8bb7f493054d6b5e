/// Bar charts as inline SVG: sized by attributes (no style attribute, so
/// the page's Content-Security-Policy holds), coloured by the style sheet.
enum Bars {
    /// A horizontal chart for a phone: one row per point or option, its
    /// label above a bar as long as its share of the largest count.
    static func svg(_ rows: [(label: String, count: Int)], title: String) -> String {
        let width = 320.0
        let rowHeight = 46.0
        let countWidth = 36.0
        let largest = max(1, rows.map(\.count).max() ?? 0)
        var inner = HTML.el("title", [], HTML.text(title))
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            inner += HTML.el("text", [("x", "0"), ("y", n(y + 15)), ("class", "label")], HTML.text(row.label))
            inner += HTML.leaf(
                "rect",
                [("x", "0"), ("y", n(y + 21)), ("width", n(width - countWidth)), ("height", "18"), ("class", "track")])
            let length = (width - countWidth) * Double(row.count) / Double(largest)
            if row.count > 0 {
                inner += HTML.leaf(
                    "rect", [("x", "0"), ("y", n(y + 21)), ("width", n(length)), ("height", "18"), ("class", "bar")])
            }
            inner += HTML.el(
                "text", [("x", n(width)), ("y", n(y + 36)), ("text-anchor", "end"), ("class", "count")],
                String(row.count))
        }
        let height = Double(rows.count) * rowHeight
        return HTML.el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("class", "bars"), ("role", "img"), ("aria-label", title),
            ], inner)
    }

    /// A table cell's bar: the count's share of the row, and the count
    /// (or `text` in its place, e.g. "1 → 2" from round 2 on).
    static func cell(_ count: Int, of total: Int, text: String? = nil) -> String {
        let share = total > 0 ? Double(count) / Double(total) : 0
        let bar = HTML.el(
            "svg",
            [
                ("viewBox", "0 0 100 12"), ("preserveAspectRatio", "none"), ("class", "cellbar"),
                ("aria-hidden", "true"),
            ],
            HTML.leaf("rect", [("x", "0"), ("y", "0"), ("width", "100"), ("height", "12"), ("class", "track")])
                + (count > 0
                    ? HTML.leaf(
                        "rect", [("x", "0"), ("y", "0"), ("width", n(100 * share)), ("height", "12"), ("class", "bar")])
                    : ""))
        return bar + HTML.el("span", [("class", "count")], HTML.text(text ?? String(count)))
    }

    /// A coordinate with one decimal at most.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
    }
}
