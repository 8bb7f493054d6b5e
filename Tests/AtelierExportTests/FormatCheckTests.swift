import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import FoundationXML
import Testing

/// Each format read back as its users' tools read it.
@Suite struct FormatCheckTests {
    /// The JSON is checked against docs/summary.schema.json by python3's
    /// `jsonschema` (Draft 2020-12), and its numbers against the analysis.
    @Test(arguments: ["en", "fr"])
    func jsonFollowsTheSchema(language: String) async throws {
        let state = try Demo.bundledState()
        let json = try Demo.text(state, .json, language: language)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-schema-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("summary.json")
        try Data(json.utf8).write(to: document)
        let schema = Fixtures.root.appendingPathComponent("docs/summary.schema.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """
        let checked = try await Program.tool("/usr/bin/env", ["python3", "-c", script, schema, document.path])
        let (status, output) = (checked.status, checked.stdout)
        #expect(status == 0, "\(output)")

        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let analysis = Analysis.of(state, language: language)
        #expect(parsed["format"] as? String == "atelier.summary")
        #expect(parsed["version"] as? Int == 1)
        let session = try #require(parsed["session"] as? [String: Any])
        #expect(session["started_at"] as? String == "2025-03-13T09:00:00Z")
        let departments = try #require(parsed["departments"] as? [[String: Any]])
        #expect(departments.compactMap { $0["id"] as? String } == analysis.departments.map(\.id))
        let marketing = try #require(departments.first?["ratings"] as? [String: [String: Any]])
        #expect(Array(marketing.keys).sorted() == state.workshop.ratingItems.map(\.item.id).sorted())
        let drift = try #require(marketing["drift"])
        #expect((drift["median"] as? NSNumber)?.doubleValue == analysis.departments[0].ratings["drift"]?.median)
        #expect(drift["distribution"] as? [Int] == analysis.departments[0].ratings["drift"]?.distribution)
        #expect((parsed["silos"] as? [Any])?.count == analysis.silos.count)
    }

    /// The CSV files parsed back by an RFC 4180 reader, against the state.
    @Test func csvParsesBackToTheState() throws {
        let state = try Demo.bundledState()
        let files = try Demo.folder(state, language: "fr")
        #expect(files.keys.sorted() == ["answers.csv", "departments.csv", "matrix.csv", "silos.csv", "summary.csv"])
        for (name, text) in files {
            let rows = try RFC4180.parse(text)
            #expect(Set(rows.map(\.count)).count == 1, "\(name): every row has the header's width")
        }

        let answers = try RFC4180.parse(try #require(files["answers.csv"]))
        #expect(answers[0] == ["seq", "time", "participant", "department", "stage", "item", "value", "current"])
        let rated = try Demo.bundled().events.compactMap { event -> [String]? in
            switch event.event {
            case .rated(let rater, let stage, let item, let value):
                return [String(event.seq), rater.id, stage, item, String(value)]
            case .picked(let rater, let stage, let option):
                return [String(event.seq), rater.id, stage, "", option]
            default: return nil
            }
        }
        #expect(answers.dropFirst().map { [$0[0], $0[2], $0[4], $0[5], $0[6]] } == rated)
        // Changed answers are kept, marked as replaced.
        let karim = answers.filter { $0[2] == "karim" && $0[5] == "ignore" }
        #expect(karim.map { [$0[6], $0[7]] } == [["2", "false"], ["1", "true"]])

        let matrix = try RFC4180.parse(try #require(files["matrix.csv"]))
        let header = matrix[0]
        #expect(header == ["rater", "kind", "department"] + state.workshop.ratingItems.map(\.item.id) + ["position"])
        #expect(matrix.count - 1 == 12)
        for row in matrix.dropFirst() {
            let rater = Rater.participant(row[0])
            for (index, column) in header.enumerated().dropFirst(3) {
                let expected =
                    state.latestRatings(item: column)[rater].map(String.init)
                    ?? state.latestPicks(stage: column)[rater] ?? ""
                #expect(row[index] == expected, "\(row[0]) \(column)")
            }
        }

        let departments = try RFC4180.parse(try #require(files["departments.csv"]))
        #expect(departments.dropFirst().map { $0[0] } == state.departments.map(\.id) + [""])
        let strategies = try #require(departments[0].firstIndex(of: "strategies"))
        #expect(departments[1][strategies] == state.strategies["marketing"]?.first?.text)

        let silos = try RFC4180.parse(try #require(files["silos.csv"]))
        #expect(silos.dropFirst().map { $0[1] } == Analysis.of(state).silos.map(\.kind.rawValue))
    }

    /// The HTML parsed as XML (well-formed, XHTML-compatible) with each chart.
    @Test(arguments: ["en", "fr"])
    func htmlIsWellFormedWithEveryChart(language: String) throws {
        let state = try Demo.bundledState()
        let html = try Demo.text(state, .html, language: language)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        let ids = Set(collector.svgIDs)
        for id in ["chart-heatmap", "chart-consensus", "chart-silo-map"] { #expect(ids.contains(id)) }
        for department in state.departments { #expect(ids.contains("chart-profile-\(department.id)")) }
        // Nothing is fetched: no script, no link, no external reference.
        #expect(collector.elements.isDisjoint(with: ["script", "link", "img", "iframe", "object"]))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/", with: "").range(of: "://") == nil)
        // The silo map draws each `knows` as an arrow and each department as a node.
        #expect(collector.knowsArrows == state.knows.count)
        #expect(collector.shareArrows == state.shares.count)
        #expect(collector.departmentNodes == state.departments.count)
    }

}

/// Collects what the HTML checks need while XMLParser walks the page.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements = Set<String>()
    var svgIDs: [String] = []
    var knowsArrows = 0
    var shareArrows = 0
    var departmentNodes = 0
    private var inSiloMap = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.insert(name)
        if name == "svg", let id = attributes["id"] {
            svgIDs.append(id)
            inSiloMap = id == "chart-silo-map"
        }
        guard inSiloMap else { return }
        let classes = (attributes["class"] ?? "").split(separator: " ")
        // The legend's sample arrows sit inside a `legend` group: count only
        // paths ending on a department (they carry a curve, "Q").
        if name == "path", classes.contains("link"), attributes["d"]?.contains("Q") == true {
            if classes.contains("knows") { knowsArrows += 1 }
            if classes.contains("shares") { shareArrows += 1 }
        }
        if name == "g", classes.contains("department") { departmentNodes += 1 }
    }
}

/// A small RFC 4180 reader for the tests: CRLF records, quoted fields with
/// doubled quotes and line breaks inside.
enum RFC4180 {
    struct Malformed: Error { let reason: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(reason: "a quote inside an unquoted field") }
                quoted = true
            case ",":
                row.append(field)
                field = ""
                afterQuote = false
            case "\r":
                guard characters.popFirst() == "\n" else { throw Malformed(reason: "CR without LF") }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                afterQuote = false
            case "\n":
                throw Malformed(reason: "a line ends with LF alone")
            default:
                guard !afterQuote else { throw Malformed(reason: "text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw Malformed(reason: "an unterminated quoted field") }
        guard row.isEmpty, field.isEmpty else { throw Malformed(reason: "the last record has no CRLF") }
        return rows
    }
}
