import AtelierCore
import Foundation

/// The silo map: departments as nodes (filled when they declared a strategy,
/// ringed in red when a finding is about them), `knows` as solid arrows from
/// the department that knows to the one whose strategy it knows, "believes
/// it shares" as dashed arrows, and disconnected groups set apart in boxes.
struct SiloMap {
    let context: ExportContext

    static let nodeRadius = 24.0
    static let gap = 30.0

    private struct Box {
        let x: Double
        let width: Double
        let ids: [String]
    }

    func render() -> Markup {
        let c = context
        let groups = c.departmentGroups
        var boxes: [Box] = []
        var x = 0.0
        var height = 170.0
        for group in groups {
            let width = Self.boxWidth(group.count)
            boxes.append(Box(x: x, width: width, ids: group))
            x += width + Self.gap
            height = max(height, group.count > 2 ? 2 * Self.ringRadius(group.count) + 140 : 170)
        }
        let width = max(480, x - Self.gap)
        var position: [String: (x: Double, y: Double)] = [:]
        for box in boxes {
            let centre = (x: box.x + box.width / 2, y: height / 2)
            for (index, id) in box.ids.enumerated() {
                position[id] = Self.place(index, of: box.ids.count, radius: Self.ringRadius(box.ids.count), centre)
            }
        }
        // An arrow over a long way arcs high enough to clear the departments it
        // passes (its peak is half its bend), below the groups' labels.
        let arcLimit = height - 60
        var children: [Markup] = [defs()]
        if boxes.count > 1 {
            for (index, box) in boxes.enumerated() {
                children.append(
                    SVG.rect(
                        x: box.x + 2, y: 2, width: box.width - 4, height: height - 4, cls: "group",
                        extra: [("rx", "12")]))
                children.append(
                    SVG.text(c.label("html.group", ["number": .count(index + 1)]), x: box.x + 12, y: 18, cls: "small"))
            }
        }
        let ids = c.state.departments.map(\.id)
        for from in ids {
            for to in ids where c.state.knows(from, to) {
                if let a = position[from], let b = position[to] {
                    children.append(arrow(a, b, kind: "knows", bend: 12, limit: arcLimit))
                }
            }
        }
        for from in ids {
            for to in ids where c.state.shares(from, to) {
                if let a = position[from], let b = position[to] {
                    children.append(arrow(a, b, kind: "shares", bend: 34, limit: arcLimit))
                }
            }
        }
        let flagged = Set(c.analysis.silos.compactMap(\.departments.first))
        for id in ids {
            guard let point = position[id] else { continue }
            children.append(node(id, at: point, flagged: flagged.contains(id)))
        }
        // The last line of the legend wraps between its " · " parts on a narrow map (in French it is longer
        // than 480 units).
        var nodes: [String] = []
        for part in c.label("html.legend_nodes").components(separatedBy: " · ") {
            if let last = nodes.last, last.count + 3 + part.count <= Int(width / 6.4) {
                nodes[nodes.count - 1] = last + " · " + part
            } else {
                nodes.append(part)
            }
        }
        let legendHeight = 36.0 + Double(nodes.count - 1) * 14
        children.append(legend(y: height + 8, width: width, nodes: nodes))
        return SVG.chart(
            id: "chart-silo-map", width: width, height: height + legendHeight + 8, title: c.label("html.silo_map"),
            children)
    }

    static func boxWidth(_ count: Int) -> Double {
        switch count {
        case ...1: return 170
        case 2: return 330
        default: return 2 * ringRadius(count) + 170
        }
    }

    static func ringRadius(_ count: Int) -> Double {
        switch count {
        case ...1: return 0
        case 2: return 80
        default: return 50 + 14 * Double(count)
        }
    }

    private static func place(
        _ index: Int, of count: Int, radius: Double, _ centre: (x: Double, y: Double)
    ) -> (x: Double, y: Double) {
        guard count > 1 else { return centre }
        if count == 2 { return (centre.x + (index == 0 ? -radius : radius), centre.y) }
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
        return (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
    }

    private func defs() -> Markup {
        func marker(_ id: String, _ cls: String) -> Markup {
            .el(
                "marker",
                [
                    ("id", id), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"),
                    ("markerHeight", "7"), ("orient", "auto-start-reverse"),
                ], [.el("path", [("d", "M 0 0 L 10 5 L 0 10 z"), ("class", cls)])])
        }
        return .el("defs", [], [marker("arrow-knows", "head knows"), marker("arrow-shares", "head shares")])
    }

    /// A curved arrow from `a` to `b`, bent to its left so that two arrows
    /// between the same departments in opposite directions stay apart.
    /// Over more than 200 px the bend grows to 0.3 × the length (at most
    /// `limit`), so the arc clears the departments between its ends.
    private func arrow(
        _ a: (x: Double, y: Double), _ b: (x: Double, y: Double), kind: String, bend: Double, limit: Double
    ) -> Markup {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = max(1, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / length, dy / length)
        let inset = Self.nodeRadius + 3
        let start = (x: a.x + ux * inset, y: a.y + uy * inset)
        let end = (x: b.x - ux * (inset + 2), y: b.y - uy * (inset + 2))
        let bend = length > 200 ? min(max(bend, 0.3 * length), limit) : bend
        let control = (x: (a.x + b.x) / 2 + uy * bend, y: (a.y + b.y) / 2 - ux * bend)
        let d =
            "M \(SVG.n(start.x)) \(SVG.n(start.y)) Q \(SVG.n(control.x)) \(SVG.n(control.y)) "
            + "\(SVG.n(end.x)) \(SVG.n(end.y))"
        return .el("path", [("d", d), ("class", "link " + kind), ("marker-end", "url(#arrow-\(kind))")])
    }

    private func node(_ id: String, at point: (x: Double, y: Double), flagged: Bool) -> Markup {
        let c = context
        let hasStrategy = !c.strategies(of: id).isEmpty
        var cls = hasStrategy ? "node strategy" : "node none"
        if flagged { cls += " flagged" }
        let name = c.departmentName(id)
        let lines = SVG.wrap(name, width: 16, maxLines: 2)
        return .el(
            "g", [("class", "department"), ("data-department", id)],
            [
                .el(
                    "circle",
                    [("cx", SVG.n(point.x)), ("cy", SVG.n(point.y)), ("r", SVG.n(Self.nodeRadius)), ("class", cls)],
                    [.el("title", text: name)]),
                SVG.text(
                    String(c.members(of: id).count), x: point.x, y: point.y + 5, anchor: "middle",
                    cls: hasStrategy ? "count light" : "count"),
                SVG.lines(
                    lines, x: point.x, y: point.y + Self.nodeRadius + 15, lineHeight: 13, anchor: "middle",
                    cls: "label"),
            ])
    }

    private func legend(y: Double, width: Double, nodes: [String]) -> Markup {
        let c = context
        return .el(
            "g", [("class", "legend")],
            [
                .el(
                    "path",
                    [
                        ("d", "M 0 \(SVG.n(y + 8)) L 34 \(SVG.n(y + 8))"), ("class", "link knows"),
                        ("marker-end", "url(#arrow-knows)"),
                    ]),
                SVG.text(c.label("html.legend_knows"), x: 40, y: y + 12, cls: "small"),
                .el(
                    "path",
                    [
                        ("d", "M \(SVG.n(width / 2)) \(SVG.n(y + 8)) L \(SVG.n(width / 2 + 34)) \(SVG.n(y + 8))"),
                        ("class", "link shares"), ("marker-end", "url(#arrow-shares)"),
                    ]),
                SVG.text(c.label("html.legend_shares"), x: width / 2 + 40, y: y + 12, cls: "small"),
                nodes.count == 1
                    ? SVG.text(nodes[0], x: 0, y: y + 28, cls: "small")
                    : SVG.lines(nodes, x: 0, y: y + 28, lineHeight: 14, cls: "small"),
            ])
    }
}
