/// Helpers shared by the inline SVG charts of the HTML export.
enum SVG {
    static let namespace = "http://www.w3.org/2000/svg"

    /// A chart: an `<svg>` with its accessible title, sized by its view box
    /// and scaled to the page by the style sheet.
    static func chart(id: String, width: Double, height: Double, title: String, _ children: [Markup]) -> Markup {
        .el(
            "svg",
            [
                ("xmlns", namespace), ("id", id), ("class", "chart"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("width", n(width)), ("height", n(height)), ("role", "img"), ("aria-label", title),
            ],
            [.el("title", text: title)] + children)
    }

    /// A coordinate: one decimal at most, a dot, no exponent.
    static func n(_ value: Double) -> String { JSONValue.fixed((value * 10).rounded() / 10, digits: 4) }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", cls: String? = nil,
        extra: [(String, String)] = []
    ) -> Markup {
        var attributes = [("x", n(x)), ("y", n(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let cls { attributes.append(("class", cls)) }
        return .el("text", attributes + extra, text: content)
    }

    /// Text over several lines (`tspan`s), the first on `y`.
    static func lines(
        _ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: String = "start", cls: String? = nil
    ) -> Markup {
        var attributes = [("x", n(x)), ("y", n(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let cls { attributes.append(("class", cls)) }
        let spans = lines.enumerated().map { index, line in
            Markup.el("tspan", [("x", n(x)), ("dy", index == 0 ? "0" : n(lineHeight))], text: line)
        }
        return .el("text", attributes, spans)
    }

    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String? = nil, cls: String? = nil,
        extra: [(String, String)] = []
    ) -> Markup {
        var attributes = [("x", n(x)), ("y", n(y)), ("width", n(max(0, width))), ("height", n(max(0, height)))]
        if let fill { attributes.append(("fill", fill)) }
        if let cls { attributes.append(("class", cls)) }
        return .el("rect", attributes + extra)
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cls: String) -> Markup {
        .el("line", [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("class", cls)])
    }

    /// Words wrapped to lines of at most `width` characters, at most `maxLines`
    /// lines (the last one cut with an ellipsis).
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(max(1, width - 1))) + "…"
        }
        return lines.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    }

    /// A colour of the sequential scale used by the heatmap and the profiles,
    /// from pale (0) to deep blue (1).
    static func sequential(_ fraction: Double) -> String {
        let stops: [(Double, Double, Double)] = [(239, 243, 255), (107, 174, 214), (8, 48, 107)]
        let t = min(1, max(0, fraction)) * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(t))
        let local = t - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        return hex(a.0 + (b.0 - a.0) * local, a.1 + (b.1 - a.1) * local, a.2 + (b.2 - a.2) * local)
    }

    /// Whether text on `sequential(fraction)` should be light.
    static func needsLightText(_ fraction: Double) -> Bool { fraction > 0.55 }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        "#"
            + [r, g, b].map { component in
                let value = String(Int(component.rounded()), radix: 16)
                return value.count == 1 ? "0" + value : value
            }.joined()
    }
}
