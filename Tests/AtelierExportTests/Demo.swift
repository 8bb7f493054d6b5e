import AtelierCore
import AtelierExport
import AtelierStore
import AtelierTestFixtures
import Foundation

/// The bundled demo session, as the tests read it.
enum Demo {
    static let recordingPath = "recordings/coping-patterns-demo.jsonl"
    /// The same session played in English (what `atelier demo` plays in English).
    static let englishRecordingPath = "recordings/coping-patterns-demo-en.jsonl"

    /// `ATELIER_REGENERATE=1` rewrites the demo recording and the golden
    /// files from the code instead of comparing against them.
    static var regenerating: Bool { ProcessInfo.processInfo.environment["ATELIER_REGENERATE"] == "1" }

    static func workshop() throws -> Workshop { try Fixtures.workshop("coping-patterns") }

    /// The events as the script produces them.
    static func scriptedEvents() throws -> [RecordedEvent] { try DemoScript.events(workshop: workshop()) }

    /// The recording text the script gives, through the store's writer.
    static func scriptedRecording(_ words: DemoScript.Words = DemoScript.french) throws -> String {
        let events = try DemoScript.events(workshop: workshop(), words: words)
        let state = SessionState.fold(id: DemoScript.sessionID, workshop: try workshop(), events: events)
        return Recording.write(header: RecordingHeader(state), events: events)
    }

    /// The bundled recording file, read and checked by the store.
    static func bundled() throws -> (header: RecordingHeader, events: [RecordedEvent]) {
        try Recording.read(try Fixtures.text(recordingPath), file: recordingPath)
    }

    static func bundledState() throws -> SessionState {
        let (header, events) = try bundled()
        return SessionState.fold(id: header.session, workshop: header.workshop, events: events)
    }

    /// Every file of every format, in one language, keyed by a relative path
    /// (`demo.en.md`, `demo.en-csv/summary.csv`).
    static func exports(_ state: SessionState, language: String) throws -> [(path: String, bytes: [UInt8])] {
        let catalog = try Fixtures.catalog(language)
        let analysis = Analysis.of(state, language: language)
        var files: [(String, [UInt8])] = []
        for format in ExportFormat.allCases {
            switch Exporter.render(format: format, state: state, analysis: analysis, catalog: catalog) {
            case .file(let bytes):
                files.append(("demo.\(language).\(format.rawValue)", bytes))
            case .folder(let entries):
                for entry in entries {
                    files.append(("demo.\(language)-\(format.rawValue)/\(entry.name)", entry.bytes))
                }
            }
        }
        return files
    }

    static func text(_ state: SessionState, _ format: ExportFormat, language: String) throws -> String {
        let output = Exporter.render(format: format, state: state, catalog: try Fixtures.catalog(language))
        guard case .file(let bytes) = output else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func folder(_ state: SessionState, language: String) throws -> [String: String] {
        let output = Exporter.render(format: .csv, state: state, catalog: try Fixtures.catalog(language))
        guard case .folder(let files) = output else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }
}
