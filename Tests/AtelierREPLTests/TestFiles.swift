import AtelierCore
import AtelierFiles
import Foundation

/// The repository's files, for tests.
enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let locales = LocaleLibrary(currentDirectory: root.path)

    static func catalog(_ language: String) -> Catalog {
        locales.catalog(language) ?? Catalog(language: language, name: language, messages: [:])
    }

    static func workshop(_ id: String = "coping-patterns") throws -> Workshop {
        let text = try String(contentsOf: root.appendingPathComponent("workshops/\(id).yaml"), encoding: .utf8)
        guard let workshop = WorkshopParser.parse(text).workshop else { throw TestFailure("workshop \(id) is invalid") }
        return workshop
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
