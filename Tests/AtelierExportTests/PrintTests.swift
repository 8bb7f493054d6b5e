import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import Testing

/// The HTML report printed to PDF by headless Chromium (`--print-to-pdf`),
/// on A4 and on Letter paper, read back with poppler's pdfinfo and
/// pdftotext: a bounded number of pages and every section title found.
/// Needs chromium and poppler-utils (.ci/run installs them).
@Suite(.serialized) struct PrintTests {
    static let chromium = "/usr/bin/chromium"

    @Test(arguments: [("A4", "en"), ("letter", "fr")])
    func theReportPrintsWithEverySection(paper: String, language: String) async throws {
        let state = try Demo.bundledState()
        var html = try Demo.text(state, .html, language: language)
        // The page leaves the paper to the printer; the test chooses it.
        html = html.replacingOccurrences(of: "</head>", with: "<style>@page { size: \(paper); }</style></head>")
        let titles = try ReportTests.headings(html: html)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-print-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let pdf = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let printed = try await Program.tool(
            Self.chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                "--print-to-pdf=" + pdf.path, page.absoluteString,
            ])
        #expect(printed.status == 0, "\(printed.stdout)")
        let info = try await Program.tool("/usr/bin/pdfinfo", [pdf.path]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        #expect(size.hasSuffix(paper == "A4" ? "(A4)" : "(letter)"), "\(size)")
        // Nine pages on this machine's fonts; the bound leaves room for others.
        #expect((6...12).contains(pages ?? 0), "\(info)")
        let extracted = try await Program.tool("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        #expect(extracted.status == 0)
        let text = extracted.stdout
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for title in titles {
            let words = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains(words), "\(language): \"\(title)\" is not in the PDF")
        }
    }
}
