import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import FoundationXML
import Testing

/// The comparison of the example pair in the four formats, each read back
/// as its users' tools read it.
@Suite struct CompareFormatTests {
    func rendered(_ format: ExportFormat, language: String) throws -> ExportOutput {
        Comparer.render(
            format: format, sessions: try CompareExampleTests.pair(language: language),
            catalog: try Fixtures.catalog(language))
    }

    func text(_ format: ExportFormat, language: String) throws -> String {
        guard case .file(let bytes) = try rendered(format, language: language) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// docs/compare.schema.json checked by python3's jsonschema (Draft 2020-12).
    @Test(arguments: ["en", "fr"])
    func jsonFollowsItsSchema(language: String) async throws {
        let json = try text(.json, language: language)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-compare-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("compare.json")
        try Data(json.utf8).write(to: document)
        let schema = Fixtures.root.appendingPathComponent("docs/compare.schema.json").path
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
        #expect(parsed["format"] as? String == "atelier.comparison")
        let steps = try #require(parsed["steps"] as? [[String: Any]])
        #expect(steps.count == 1)
        #expect(steps[0]["before"] as? String == "demo-2025-03-13")
        #expect(steps[0]["after"] as? String == "demo-2025-09-18")
        let company = try #require(steps[0]["company"] as? [String: Any])
        let ratings = try #require(company["ratings"] as? [[String: Any]])
        let ignore = try #require(ratings.first { $0["item"] as? String == "ignore" })
        let shift = try #require(ignore["shift"] as? [String: Any])
        #expect(shift["test"] as? String == "mann_whitney")
        #expect((shift["u"] as? NSNumber)?.doubleValue == 36.5)
        // Full precision (docs/export-formats.md): the exact p and δ worked by hand in CompareExampleTests.
        #expect(abs(((shift["p"] as? NSNumber)?.doubleValue ?? 0) - 89_958.0 / 2_704_156.0) < 1e-15)
        // (Foundation's JSON reader on Linux may miss the last bit: the text is checked in the CSV test.)
        #expect(abs(((shift["cliffs_delta"] as? NSNumber)?.doubleValue ?? 0) + 71.0 / 144.0) < 1e-15)
        #expect((steps[0]["only_before"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["rh"])
    }

    /// The HTML holds the Markdown's sections, in the same order, with the same titles.
    @Test(arguments: ["en", "fr"])
    func htmlHasTheMarkdownSections(language: String) throws {
        let markdown = try text(.md, language: language)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst()).replacingOccurrences(of: "\\", with: "")
        }
        let html = try text(.html, language: language)
        let collector = HeadingCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "the page is well-formed XML")
        #expect(collector.headings == headings)
        #expect(headings.count == 6 + 8)
        #expect(collector.charts == 2)
    }

    @Test func markdownSaysTheShiftInWords() throws {
        let markdown = try text(.md, language: "en")
        #expect(markdown.contains("# Before and after: Facing social media: four reflexes and three brakes"))
        #expect(markdown.contains("## demo-2025-03-13 (2025-03-13) → demo-2025-09-18 (2025-09-18)"))
        #expect(
            markdown.contains(
                "| Whole company | 12 → 12 | 1 → 1 (0) | 1 → 1 (0) | 0.65 → 0.81 (+0.16) | went down: p = 0.033 (exact), "
                    + "Cliff's delta −0.49, large effect |"))
        #expect(
            markdown.contains(
                "| Marketing | 3 → 3 | 0 → 0 (0) | 0.5 → 0 (−0.5) | 0.83 → 1 (+0.17) | too few answers to tell (3 before, "
                    + "3 after; 4 needed in each) |"))
        #expect(markdown.contains("- Only before: Ressources humaines"))
        #expect(markdown.contains("- Only after: Informatique"))
        let french = try text(.md, language: "fr")
        #expect(french.contains("trop peu de réponses pour conclure (3 avant, 3 après ; il en faut 4 de chaque côté)"))
    }

    @Test func csvFilesParseBack() throws {
        guard case .folder(let files) = try rendered(.csv, language: "fr") else {
            Issue.record("csv is a folder")
            return
        }
        #expect(
            files.map(\.name) == [
                "ratings.csv", "maturity.csv", "picks.csv", "silos.csv", "awareness.csv", "departments.csv",
                "not_compared.csv",
            ])
        for file in files {
            let rows = try RFC4180.parse(String(decoding: file.bytes, as: UTF8.self))
            #expect(Set(rows.map(\.count)).count == 1, "\(file.name): every row has the header's width")
        }
        let ratings = try RFC4180.parse(String(decoding: files[0].bytes, as: UTF8.self))
        let company = try #require(ratings.first { $0[2] == "" && $0[4] == "ignore" })
        #expect(
            Array(company[16...]) == [
                "mann_whitney", "36.5", "\(89_958.0 / 2_704_156.0)", "true", "\(-71.0 / 144.0)", "large",
            ])
        let departments = try RFC4180.parse(String(decoding: files[5].bytes, as: UTF8.self))
        #expect(
            departments.dropFirst().map { Array($0[2...]) } == [
                ["rh", "Ressources humaines", "before"], ["informatique", "Informatique", "after"],
            ])
    }

}

/// The h1–h3 titles of a page, in order, and how many charts it holds.
private final class HeadingCollector: NSObject, XMLParserDelegate {
    var headings: [String] = []
    var charts = 0
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if ["h1", "h2", "h3"].contains(name) { current = "" }
        if name == "svg" { charts += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if ["h1", "h2", "h3"].contains(name), let text = current {
            headings.append(text)
            current = nil
        }
    }
}
