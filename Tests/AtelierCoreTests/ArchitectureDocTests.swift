import AtelierTestFixtures
import Foundation
import Testing

/// docs/architecture.md stays true: for each of our library targets, the
/// modules of ours it "may import" are exactly its dependencies in Package.swift.
@Suite struct ArchitectureDocTests {
    /// Our module names in a text.
    static func ours(in text: some StringProtocol) -> Set<String> {
        Set(String(text).matches(of: /(Atelier[A-Za-z]+|CReadline|CQRencode)/).map { String($0.output.1) })
    }

    /// The `dependencies: [...]` of the target named `name` in Package.swift, our modules only.
    static func dependencies(of name: String, in manifest: String) -> Set<String>? {
        guard let start = manifest.range(of: "name: \"\(name)\"") else { return nil }
        let rest = manifest[start.upperBound...]
        let end = rest.range(of: "swiftSettings") ?? rest.range(of: ")")
        let declaration = rest[..<(end?.lowerBound ?? rest.endIndex)]
        guard let open = declaration.range(of: "dependencies: [") else { return [] }
        let list = declaration[open.upperBound...].prefix { $0 != "]" }
        return ours(in: list)
    }

    @Test func theModuleTableMatchesThePackage() throws {
        let manifest = try Fixtures.text("Package.swift")
        let doc = try Fixtures.text("docs/architecture.md")
        let targets = [
            "AtelierCore", "AtelierResources", "AtelierFiles", "AtelierStore", "AtelierLive", "AtelierExport",
            "AtelierREPL", "AtelierReplay", "AtelierNet", "AtelierWeb",
        ]
        for target in targets {
            let row = try #require(
                doc.split(separator: "\n").first { $0.hasPrefix("| `\(target)` |") }, "no row for \(target)")
            let mayImport = row.split(separator: "|").last.map(String.init) ?? ""
            let documented = Self.ours(in: mayImport)
            let declared = try #require(Self.dependencies(of: target, in: manifest))
            #expect(documented == declared, "\(target): the doc says \(documented.sorted())")
        }
    }
}
