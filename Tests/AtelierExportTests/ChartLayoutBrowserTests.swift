import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import Testing

/// The reports' charts as headless Chromium lays them out at 1280 px wide
/// (Tests/Browser/chart_layout_test.py, through Debian's python3-selenium):
/// measured with getBBox, no text of any chart is cut, in French and in
/// English, and the silo map — of the demo, and of 2, 6 and 12 departments,
/// connected or in groups — has no arrow through a label and no labels
/// overlapping. Its screenshots are kept in .build/chart-artifacts to be
/// looked at. Needs chromium, chromium-driver and python3-selenium (.ci/run
/// installs them); without them the test is skipped and says so.
@Suite(.serialized) struct ChartLayoutBrowserTests {
    static let tools = ["/usr/bin/python3", "/usr/bin/chromium", "/usr/bin/chromedriver"]
    static let available = tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let artifacts = Fixtures.root.appendingPathComponent(".build/chart-artifacts")

    /// Every page the test lays out, by file name.
    static func pages() throws -> [(name: String, html: String)] {
        var pages: [(String, String)] = []
        for language in ["en", "fr"] {
            pages.append(("demo-\(language)", try Demo.text(try Demo.bundledState(), .html, language: language)))
            for (count, fragmented) in [(2, false), (6, false), (6, true), (12, false), (12, true)] {
                let state = try SiloMapSessions.state(departments: count, fragmented: fragmented)
                let name = "map-\(count)\(fragmented ? "-groups" : "")-\(language)"
                pages.append((name, try Demo.text(state, .html, language: language)))
            }
            let compared = Comparer.render(
                format: .html, sessions: try CompareExampleTests.pair(language: language),
                catalog: try Fixtures.catalog(language))
            if case .file(let bytes) = compared {
                pages.append(("compare-\(language)", String(decoding: bytes, as: UTF8.self)))
            }
        }
        return pages
    }

    @Test(.enabled(if: available, "needs chromium, chromium-driver and python3-selenium (.ci/run installs them)"))
    func everyChartFitsAndTheSiloMapStaysClear() async throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try Self.pages()
        var paths: [String] = []
        for page in pages {
            let url = folder.appendingPathComponent(page.name + ".html")
            try Data(page.html.utf8).write(to: url)
            paths.append(url.path)
        }
        let script = Fixtures.root.appendingPathComponent("Tests/Browser/chart_layout_test.py").path
        let output = try await Program.tool(
            "/usr/bin/python3", [script, "--artifacts", Self.artifacts.path, "--full"] + paths)
        #expect(output.status == 0, "\(output.stdout)")
        let passed = output.lines.filter { $0.hasPrefix("ok   ") }.map {
            String($0.dropFirst(5).prefix { $0 != " " })
        }
        #expect(passed == pages.map(\.name), "\(output.stdout)")
    }
}
