import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import FoundationXML
import Testing

/// The report the client keeps: the HTML summary holds every section of the
/// Markdown one, in the same order, and opens with the executive summary.
@Suite struct ReportTests {
    static func headings(markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst()).replacingOccurrences(of: "\\", with: "")
        }
    }

    static func headings(html: String) throws -> [String] {
        let collector = TitleCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.fileReadCorruptFile) }
        return collector.titles
    }

    @Test(arguments: ["en", "fr"])
    func htmlHasEveryMarkdownSectionInOrder(language: String) throws {
        let state = try Demo.bundledState()
        let markdown = Self.headings(markdown: try Demo.text(state, .md, language: language))
        let html = try Self.headings(html: try Demo.text(state, .html, language: language))
        // The Markdown's titles are a subsequence of the page's (which adds its charts).
        var rest = html[...]
        for title in markdown {
            guard let index = rest.firstIndex(of: title) else {
                Issue.record("\(language): the HTML lacks \"\(title)\" (or has it out of order)")
                return
            }
            rest = rest[(index + 1)...]
        }
        #expect(markdown.count == 17)
        #expect(html.first == (language == "en" ? "Executive summary" : "Synthèse"))
    }

    @Test func theActionPlanIsRanked() throws {
        let markdown = try Demo.text(try Demo.bundledState(), .md, language: "en")
        let plan = markdown.components(separatedBy: "### Action plan\n\n")[1].components(separatedBy: "\n\n")[0]
        #expect(
            plan.split(separator: "\n").map { String($0.prefix(40)) } == [
                "1. Move beyond \"Reactive\": Name an in-ho",
                "2. unshared strategy (Marketing, Juridiq",
                "3. no strategy (Direction générale): Hel",
                "4. believed shared (Service client): Che",
                "5. fragmented (Marketing, Service client",
            ])
    }

    /// One answer is "a single answer" in every export, never "strong agreement".
    @Test func aSingleAnswerIsCalledSo() throws {
        let workshop = try Demo.workshop()
        var state = SessionState(id: "one", workshop: workshop)
        state.apply(
            RecordedEvent(
                seq: 1, time: 0, actor: .facilitator,
                event: .sessionStarted(workshop: workshop.id, version: workshop.version, locale: "en")))
        for command in [
            Command(actor: .facilitator, action: .addDepartment(id: "it", name: "IT"), time: 1),
            Command(actor: .facilitator, action: .next, time: 2),
            Command(actor: .facilitator, action: .rate(who: "it", item: nil, value: 3), time: 3),
        ] {
            for event in try state.decide(command) {
                state.apply(
                    RecordedEvent(seq: state.lastSeq + 1, time: command.time, actor: command.actor, event: event))
            }
        }
        for format in [ExportFormat.md, .html] {
            let text = try Demo.text(state, format, language: "en")
            #expect(text.contains("a single answer"), "\(format)")
            #expect(!text.contains("strong agreement"), "\(format)")
        }
    }
}

/// The h2 and h3 titles of a page, in order.
private final class TitleCollector: NSObject, XMLParserDelegate {
    var titles: [String] = []
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "h2" || name == "h3" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "h2" || name == "h3", let text = current {
            titles.append(text)
            current = nil
        }
    }
}
