import AtelierCore
import Foundation

/// The silo map: departments on one ring, `knows` as solid arrows from the
/// department that knows to the one whose strategy it knows, "believes it
/// shares" as dashed arrows. A node is filled when the department declared a
/// strategy and ringed in red when it is the subject of a silo finding (its
/// strategy unshared, no strategy, a belief that it shares, a divergent
/// position). When the company falls into several groups (the `fragmented`
/// finding), each group's departments sit side by side on the ring on a
/// shaded band.
///
/// The layout keeps every word clear of every line, from 1 to 12 departments
/// and beyond: arrows are chords inside the ring (their bend is at most
/// `maximumBend`, less than the gap between the ring and the labels), and
/// each name is written outside the ring, on the far side of its node from
/// the centre. `SiloMapLayoutTests` and Tests/Browser/chart_layout_test.py
/// check it.
struct SiloMap {
    let context: ExportContext

    static let nodeRadius = 24.0
    /// The bends of the two kinds of arrow, to the left of their direction,
    /// so that arrows both ways between two departments stay apart.
    static let knowsBend = 12.0
    static let sharesBend = 30.0
    static let maximumBend = sharesBend
    /// From a node's edge to its label.
    static let labelGap = 6.0
    static let lineHeight = 13.0
    /// Characters per line of a department's name (two lines at most).
    static let labelCharacters = 16
    /// Room beside the ring for a label written sideways (16 characters of 12 px).
    static let labelRoom = 120.0
    /// The width a legend line may take, in characters of 11 px.
    static let legendCharacters = 80
    static let legendLineHeight = 15.0

    /// The radius of the ring of `count` departments: neighbours' nodes at
    /// least 50 px apart, edge to edge.
    static func ringRadius(_ count: Int) -> Double {
        guard count > 1 else { return 0 }
        if count == 2 { return 80 }
        return max(110, (nodeRadius + 25) / sin(Double.pi / Double(count)))
    }

    /// Where the `index`-th of `count` departments sits, as an angle: the
    /// first on top (on the left for two), then clockwise.
    static func angle(_ index: Int, of count: Int) -> Double {
        let start = count == 2 ? Double.pi : -Double.pi / 2
        return start + 2 * Double.pi * Double(index) / Double(max(1, count))
    }

    func render() -> Markup {
        let c = context
        let groups = c.departmentGroups
        let order = groups.flatMap { $0 }
        let count = order.count
        let radius = Self.ringRadius(count)
        let legend = legendLines
        let width = max(560, 2 * (radius + Self.nodeRadius + Self.labelGap + Self.labelRoom))
        // Two departments sit side by side: the ring is only as high as a node and its label.
        let ringHeight = 2 * ((count == 2 ? 0 : radius) + Self.nodeRadius + Self.labelGap + 2 * Self.lineHeight + 8)
        let centre = (x: width / 2, y: ringHeight / 2)
        var position: [String: (x: Double, y: Double)] = [:]
        for (index, id) in order.enumerated() {
            let angle = Self.angle(index, of: count)
            position[id] = (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
        }
        var children: [Markup] = [defs()]
        if groups.count > 1 {
            var first = 0
            for (number, group) in groups.enumerated() {
                if group.count > 1 {
                    children.append(
                        band(
                            from: first, to: first + group.count - 1, of: count, radius: radius, centre, number: number)
                    )
                }
                first += group.count
            }
        }
        let ids = c.state.departments.map(\.id)
        for from in ids {
            for to in ids where c.state.knows(from, to) {
                if let a = position[from], let b = position[to] {
                    children.append(arrow(a, b, kind: "knows", bend: Self.knowsBend))
                }
            }
        }
        for from in ids {
            for to in ids where c.state.shares(from, to) {
                if let a = position[from], let b = position[to] {
                    children.append(arrow(a, b, kind: "shares", bend: Self.sharesBend))
                }
            }
        }
        let subjects = Self.subjects(of: c.analysis.silos)
        for (index, id) in order.enumerated() {
            guard let point = position[id] else { continue }
            let angle = count == 1 ? Double.pi / 2 : Self.angle(index, of: count)
            children.append(node(id, at: point, outward: angle, findings: subjects[id] ?? []))
        }
        children.append(self.legend(legend, y: ringHeight, width: width))
        return SVG.chart(
            id: "chart-silo-map", width: width,
            height: ringHeight + 22 + Double(legend.count) * Self.legendLineHeight, title: c.label("html.silo_map"),
            children)
    }

    /// The departments each finding is about, as its subject: the one whose
    /// strategy is unshared, who has none, who believes it shares, whose
    /// position diverges (the departments a `fragmented` finding lists are
    /// the groups, shown by the bands).
    static func subjects(of findings: [SiloFinding]) -> [String: [SiloKind]] {
        var subjects: [String: [SiloKind]] = [:]
        for finding in findings where finding.kind != .fragmented {
            guard let subject = finding.departments.first else { continue }
            if subjects[subject]?.contains(finding.kind) != true { subjects[subject, default: []].append(finding.kind) }
        }
        return subjects
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

    /// The shaded band behind a group's departments, from the `first`-th to
    /// the `last`-th place on the ring.
    private func band(
        from first: Int, to last: Int, of count: Int, radius: Double, _ centre: (x: Double, y: Double), number: Int
    ) -> Markup {
        let step = 2 * Double.pi / Double(count)
        let start = Self.angle(first, of: count) - 0.4 * step
        let end = Self.angle(last, of: count) + 0.4 * step
        let (inner, outer) = (radius - Self.nodeRadius - 8, radius + Self.nodeRadius + 4)
        func point(_ r: Double, _ angle: Double) -> String {
            SVG.n(centre.x + r * cos(angle)) + " " + SVG.n(centre.y + r * sin(angle))
        }
        let large = end - start > Double.pi ? "1" : "0"
        let d =
            "M \(point(outer, start)) A \(SVG.n(outer)) \(SVG.n(outer)) 0 \(large) 1 \(point(outer, end)) "
            + "L \(point(inner, end)) A \(SVG.n(inner)) \(SVG.n(inner)) 0 \(large) 0 \(point(inner, start)) Z"
        return .el(
            "path", [("d", d), ("class", "group")],
            [.el("title", text: context.label("html.group", ["number": .count(number + 1)]))])
    }

    /// A curved arrow from `a` to `b`, bent to its left by `bend` (its peak
    /// is half of it), from edge to edge of the nodes.
    private func arrow(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), kind: String, bend: Double) -> Markup {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = max(1, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / length, dy / length)
        let inset = Self.nodeRadius + 3
        let start = (x: a.x + ux * inset, y: a.y + uy * inset)
        let end = (x: b.x - ux * (inset + 2), y: b.y - uy * (inset + 2))
        let control = (x: (a.x + b.x) / 2 + uy * bend, y: (a.y + b.y) / 2 - ux * bend)
        let d =
            "M \(SVG.n(start.x)) \(SVG.n(start.y)) Q \(SVG.n(control.x)) \(SVG.n(control.y)) "
            + "\(SVG.n(end.x)) \(SVG.n(end.y))"
        return .el("path", [("d", d), ("class", "link " + kind), ("marker-end", "url(#arrow-\(kind))")])
    }

    /// A department: its node, its number of participants inside, its name
    /// outside the ring (beside the node when the ring's side faces left or
    /// right, above or below it on the top and bottom).
    private func node(
        _ id: String, at point: (x: Double, y: Double), outward angle: Double, findings: [SiloKind]
    ) -> Markup {
        let c = context
        let hasStrategy = !c.strategies(of: id).isEmpty
        var cls = hasStrategy ? "node strategy" : "node none"
        if !findings.isEmpty { cls += " flagged" }
        let name = c.departmentName(id)
        let lines = SVG.wrap(name, width: Self.labelCharacters, maxLines: 2)
        let tip = ([name] + findings.map { c.catalog.text("analysis.kind." + $0.rawValue) }).joined(separator: " · ")
        return .el(
            "g", [("class", "department"), ("data-department", id)],
            [
                .el(
                    "circle",
                    [("cx", SVG.n(point.x)), ("cy", SVG.n(point.y)), ("r", SVG.n(Self.nodeRadius)), ("class", cls)],
                    [.el("title", text: tip)]),
                SVG.text(
                    String(c.members(of: id).count), x: point.x, y: point.y + 5, anchor: "middle",
                    cls: hasStrategy ? "count light" : "count"),
                label(lines, at: point, outward: angle),
            ])
    }

    /// The name's lines on the far side of the node from the ring's centre.
    private func label(_ lines: [String], at point: (x: Double, y: Double), outward angle: Double) -> Markup {
        let (cx, sy) = (cos(angle), sin(angle))
        let reach = Self.nodeRadius + Self.labelGap
        let height = Double(lines.count - 1) * Self.lineHeight
        if abs(cx) < 0.45 {
            // Top or bottom of the ring: centred above or below the node (a
            // line's baseline sits 9 px under its top, 3 px above its bottom).
            let y = sy < 0 ? point.y - reach - 3 - height : point.y + reach + 10
            return SVG.lines(lines, x: point.x, y: y, lineHeight: Self.lineHeight, anchor: "middle", cls: "label")
        }
        // A side: level with the node, leaning up or down with the ring.
        let x = point.x + (cx > 0 ? reach : -reach)
        let middle = point.y + sy * Self.nodeRadius * 0.6
        return SVG.lines(
            lines, x: x, y: middle - height / 2 + 4, lineHeight: Self.lineHeight, anchor: cx > 0 ? "start" : "end",
            cls: "label")
    }

    /// The key: one line each, wrapped to the chart.
    private var legendLines: [(kind: String?, text: String)] {
        let c = context
        var lines: [(String?, String)] = [
            ("knows", c.label("html.legend_knows")), ("shares", c.label("html.legend_shares")),
        ]
        var words = [c.label("html.legend_nodes")]
        if c.departmentGroups.count > 1 { words.append(c.label("html.legend_groups")) }
        // Wrapped between its " · " parts where it can, inside a part only when the part is too long.
        for text in words {
            var packed: [String] = []
            for part in text.components(separatedBy: " · ") {
                if let last = packed.last, last.count + 3 + part.count <= Self.legendCharacters {
                    packed[packed.count - 1] = last + " · " + part
                } else {
                    packed += SVG.wrap(part, width: Self.legendCharacters, maxLines: 3)
                }
            }
            lines += packed.map { (nil, $0) }
        }
        return lines
    }

    private func legend(_ lines: [(kind: String?, text: String)], y top: Double, width: Double) -> Markup {
        var children: [Markup] = []
        for (index, line) in lines.enumerated() {
            let y = top + 12 + Double(index) * Self.legendLineHeight
            var x = 0.0
            if let kind = line.kind {
                children.append(
                    .el(
                        "path",
                        [
                            ("d", "M 0 \(SVG.n(y - 4)) L 34 \(SVG.n(y - 4))"), ("class", "link " + kind),
                            ("marker-end", "url(#arrow-\(kind))"),
                        ]))
                x = 42
            }
            children.append(SVG.text(line.text, x: x, y: y, cls: "small"))
        }
        return .el("g", [("class", "legend")], children)
    }
}
