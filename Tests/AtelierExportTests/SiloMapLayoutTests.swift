import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import FoundationXML
import Testing

/// The silo map stays readable from 2 to 12 departments, in French and in
/// English: computed from the SVG's own coordinates, no arrow passes through
/// a label, no two labels overlap, no node covers a label, everything lies
/// within the view box. Text widths are estimated on the wide side (7 px a
/// character of 12 px, 6.5 of 11 px; the browser measures them exactly in
/// `ChartLayoutBrowserTests`).
@Suite struct SiloMapLayoutTests {
    static let counts = [2, 3, 6, 12]

    static func map(_ state: SessionState, language: String) throws -> SiloMapGeometry {
        let svg = LiveCharts.siloMap(
            state: state, analysis: Analysis.of(state, language: language), catalog: try Fixtures.catalog(language))
        return try SiloMapGeometry(svg)
    }

    @Test(arguments: counts, ["en", "fr"])
    func noArrowThroughALabelNorLabelsOverlapping(count: Int, language: String) throws {
        for fragmented in [false, true] {
            let state = try SiloMapSessions.state(departments: count, fragmented: fragmented)
            let map = try Self.map(state, language: language)
            #expect(map.nodes.count == count)
            #expect(map.arrows.count >= count - 1, "\(count) departments: \(map.arrows.count) arrows")
            #expect(map.problems == [], "\(count) departments, fragmented: \(fragmented), \(language)")
        }
    }

    /// The demo: five departments in three groups, eight arrows.
    @Test(arguments: ["en", "fr"])
    func theDemo(language: String) throws {
        let map = try Self.map(try Demo.bundledState(), language: language)
        #expect(map.nodes.count == 5)
        #expect(map.arrows.count == 8)
        #expect(map.bands == 2)
        #expect(map.problems == [])
    }

    /// The red ring marks the subject of a finding, nothing else: in the demo
    /// marketing, customer service and legal (strategies unshared), the
    /// leadership (no strategy), HR (unshared); a `fragmented` finding rings
    /// nobody by itself.
    @Test func theRedRingMarksTheSubjectOfAFinding() throws {
        let state = try Demo.bundledState()
        let analysis = Analysis.of(state, language: "en")
        let map = try Self.map(state, language: "en")
        let subjects = Set(analysis.silos.filter { $0.kind != .fragmented }.compactMap(\.departments.first))
        #expect(Set(map.nodes.filter(\.flagged).map(\.department)) == subjects)
        #expect(subjects == ["marketing", "service-client", "juridique", "direction", "rh"])
        // Twelve departments in pairs: six groups, every department with a strategy known by one other only.
        let pairs = try SiloMapSessions.state(departments: 12, fragmented: true)
        let pairsAnalysis = Analysis.of(pairs, language: "en")
        #expect(pairsAnalysis.silos.contains { $0.kind == .fragmented })
        let pairsMap = try Self.map(pairs, language: "en")
        #expect(pairsMap.bands == 6)
        #expect(
            Set(pairsMap.nodes.filter(\.flagged).map(\.department))
                == Set(pairsAnalysis.silos.filter { $0.kind != .fragmented }.compactMap(\.departments.first)))
    }
}

/// What a silo map's SVG draws, in its own coordinates.
struct SiloMapGeometry {
    struct Box: Equatable {
        var x, y, width, height: Double
        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
        func contains(_ point: (x: Double, y: Double), margin: Double) -> Bool {
            point.x >= x - margin && point.x <= x + width + margin && point.y >= y - margin
                && point.y <= y + height + margin
        }
    }
    struct Label {
        let text: String
        let box: Box
        let isCount: Bool
    }
    struct Node {
        let department: String
        let x, y, r: Double
        let flagged: Bool
    }
    /// A quadratic curve: start, control, end.
    struct Arrow {
        let d: String
        let points: [(x: Double, y: Double)]
    }

    var width = 0.0
    var height = 0.0
    var labels: [Label] = []
    var nodes: [Node] = []
    var arrows: [Arrow] = []
    var bands = 0

    init(_ svg: String) throws {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.propertyListReadCorrupt) }
        self = collector.geometry
    }

    fileprivate init() {}

    /// Every way the map fails to be readable, in words.
    var problems: [String] {
        var found: [String] = []
        let chart = Box(x: 0, y: 0, width: width, height: height)
        for label in labels {
            let b = label.box
            if b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height {
                found.append("\"\(label.text)\" leaves the chart (\(b) in \(chart))")
            }
        }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.box.overlaps(b.box) {
                found.append("\"\(a.text)\" overlaps \"\(b.text)\"")
            }
        }
        let names = labels.filter { !$0.isCount }
        for arrow in arrows {
            for label in names where arrow.points.contains(where: { label.box.contains($0, margin: 1) }) {
                found.append("the arrow \(arrow.d) passes through \"\(label.text)\"")
            }
        }
        for node in nodes {
            for label in names {
                let b = label.box
                let nx = min(max(node.x, b.x), b.x + b.width)
                let ny = min(max(node.y, b.y), b.y + b.height)
                if (nx - node.x) * (nx - node.x) + (ny - node.y) * (ny - node.y) < node.r * node.r {
                    found.append("the node of \(node.department) covers \"\(label.text)\"")
                }
            }
        }
        return found
    }
}

/// Reads the silo map's SVG: texts (with their tspans), department circles,
/// the arrows' quadratic curves, the groups' bands.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var geometry = SiloMapGeometry()
    private var department: String?
    private var text: (x: Double, y: Double, anchor: String, cls: String, lines: [(Double, Double, String)])?
    private var span: (x: Double, dy: Double)?
    private var content = ""
    private var inTitle = false

    private func number(_ value: String?) -> Double { value.flatMap(Double.init) ?? 0 }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let classes = (attributes["class"] ?? "").split(separator: " ").map(String.init)
        switch name {
        case "svg":
            geometry.width = number(attributes["width"])
            geometry.height = number(attributes["height"])
        case "g" where classes.contains("department"):
            department = attributes["data-department"]
        case "circle" where department != nil:
            geometry.nodes.append(
                .init(
                    department: department ?? "", x: number(attributes["cx"]), y: number(attributes["cy"]),
                    r: number(attributes["r"]), flagged: classes.contains("flagged")))
        case "path" where classes.contains("group"):
            geometry.bands += 1
        case "path" where classes.contains("link"):
            let d = attributes["d"] ?? ""
            let parts = d.split(separator: " ").compactMap { Double($0) }
            guard d.contains("Q"), parts.count == 6 else { return }
            var points: [(x: Double, y: Double)] = []
            for step in 0...200 {
                let t = Double(step) / 200
                let (a, b, c) = ((1 - t) * (1 - t), 2 * (1 - t) * t, t * t)
                points.append((a * parts[0] + b * parts[2] + c * parts[4], a * parts[1] + b * parts[3] + c * parts[5]))
            }
            geometry.arrows.append(.init(d: d, points: points))
        case "text":
            text = (
                number(attributes["x"]), number(attributes["y"]), attributes["text-anchor"] ?? "start",
                attributes["class"] ?? "", []
            )
            content = ""
        case "tspan":
            span = (number(attributes["x"]), number(attributes["dy"]))
            content = ""
        case "title":
            inTitle = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !inTitle { content += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "title":
            inTitle = false
        case "g":
            department = nil
        case "tspan":
            guard let span, text != nil else { return }
            let y = (text?.lines.last?.1 ?? text?.y ?? 0) + span.dy
            text?.lines.append((span.x, y, content))
            self.span = nil
            content = ""
        case "text":
            guard let text else { return }
            let lines = text.lines.isEmpty ? [(text.x, text.y, content)] : text.lines
            let size = text.cls.contains("small") ? 11.0 : text.cls.contains("count") ? 13.0 : 12.0
            let perCharacter = size == 11 ? 6.5 : size == 13 ? 8.5 : 7.0
            for (x, y, line) in lines where !line.isEmpty {
                let width = Double(line.count) * perCharacter
                let left = text.anchor == "middle" ? x - width / 2 : text.anchor == "end" ? x - width : x
                geometry.labels.append(
                    .init(
                        text: line, box: .init(x: left, y: y - size * 0.8, width: width, height: size),
                        isCount: text.cls.contains("count")))
            }
            self.text = nil
        default:
            break
        }
    }
}
