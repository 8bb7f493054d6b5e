import AtelierCore
import AtelierExport
import Foundation
import Testing

@testable import AtelierREPL

/// `export FORMAT [PATH] [force]`: an existing file is kept unless `force` asks to replace it.
@Suite struct REPLExportTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-repl-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run(_ lines: [String], language: String = "en") async throws -> (transcript: [String], state: SessionState) {
        let harness = try REPLHarness(language: language, exporter: FileExport(directory: folder.path))
        for line in lines { harness.input.push(line) }
        harness.input.end()
        _ = await harness.repl.run()
        return (harness.console.transcript, harness.live.state)
    }

    func content(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func anExistingFileIsKeptWithoutForce() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("summary.md").path
        try "an earlier summary\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (lines, _) = try await run(["dept add hr", "export md \(path)"])
        #expect(
            lines == [
                "department hr added",
                "! line 2: \(path) already exists; nothing was written; add force at the end of the command to "
                    + "replace it",
            ])
        #expect(try content("summary.md") == "an earlier summary\n")
        let (french, _) = try await run(["export md \(path)"], language: "fr")
        #expect(
            french == [
                "! ligne 1 : \(path) existe déjà ; rien n'a été écrit ; ajoutez force à la fin de la commande pour le "
                    + "remplacer"
            ])
        #expect(try content("summary.md") == "an earlier summary\n")
    }

    @Test func forceReplacesTheFile() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("summary.md").path
        try "an earlier summary\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (lines, state) = try await run(["dept add hr", "export md \(path) force"])
        #expect(lines == ["department hr added", "md summary written to \(path)"])
        let expected = Exporter.render(format: .md, state: state, catalog: TestFiles.catalog("en"))
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected.fileBytes)
    }

    @Test func theDefaultNameIsKeptToo() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("test.md").path
        let (lines, state) = try await run(["export md", "dept add hr", "export md", "export md force"])
        #expect(
            lines == [
                "md summary written to \(path)",
                "department hr added",
                "! line 3: \(path) already exists; nothing was written; add force at the end of the command to "
                    + "replace it",
                "md summary written to \(path)",
            ])
        let expected = Exporter.render(format: .md, state: state, catalog: TestFiles.catalog("en"))
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected.fileBytes)
    }
}

extension ExportOutput {
    fileprivate var fileBytes: [UInt8]? {
        if case .file(let bytes) = self { return bytes }
        return nil
    }
}
