import AtelierTestFixtures
import Foundation
import Testing

/// docs/architecture.md and Package.swift stay true to the code: for each of
/// our library targets, the modules of ours it "may import" are exactly its
/// dependencies in Package.swift; and every target of the package imports
/// exactly what it declares (no dependency unused, none used undeclared).
@Suite struct ArchitectureDocTests {
    /// Our module names in a text.
    static func ours(in text: some StringProtocol) -> Set<String> {
        Set(String(text).matches(of: /(Atelier[A-Za-z]+|CReadline)/).map { String($0.output.1) })
    }

    /// A target's declaration in Package.swift: from its name to its settings.
    static func declaration(of name: String, in manifest: String) -> Substring? {
        let target = manifest.matches(of: /\.(?:target|executableTarget|testTarget)\(\s*name: "([A-Za-z-]+)"/)
            .first { $0.output.1 == name }
        guard let target else { return nil }
        let rest = manifest[target.range.upperBound...]
        let end = rest.range(of: "swiftSettings") ?? rest.range(of: ")")
        return rest[..<(end?.lowerBound ?? rest.endIndex)]
    }

    /// The `dependencies: [...]` of the target named `name`: our modules, and
    /// the products of other packages by the module name they are imported as.
    static func dependencies(of name: String, in manifest: String, products: Bool = false) -> Set<String>? {
        guard let declaration = declaration(of: name, in: manifest) else { return nil }
        guard let open = declaration.range(of: "dependencies: [") else { return [] }
        let list = declaration[open.upperBound...].prefix { $0 != "]" }
        var modules = ours(in: list.replacing(/package: "[^"]*"/, with: ""))
        if products {
            modules.formUnion(list.matches(of: /\.product\(name: "([A-Za-z]+)"/).map { String($0.output.1) })
        }
        return modules
    }

    /// The system's modules, which no manifest declares.
    static let system: Set<String> = [
        "Foundation", "FoundationXML", "Dispatch", "Synchronization", "Glibc", "Darwin", "Testing", "PackagePlugin",
    ]

    /// The modules the Swift files under `folder` import (system modules aside).
    static func imports(under folder: String) throws -> Set<String> {
        let root = Fixtures.root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var modules: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard
                    let match = line.wholeMatch(
                        of: /(?:@\w+ )*import (?:(?:struct|class|enum|func|protocol|var|let|typealias) )?(\w+).*/)
                else { continue }
                modules.insert(String(match.output.1))
            }
        }
        return modules.subtracting(system)
    }

    /// Every target of ours, and the folder of its sources.
    static func targets(in manifest: String) -> [(name: String, folder: String)] {
        manifest.matches(of: /\.(target|executableTarget|testTarget)\(\s*name: "([A-Za-z-]+)"/).map { match in
            let name = String(match.output.2)
            let declaration = declaration(of: name, in: manifest) ?? ""
            if let path = declaration.firstMatch(of: /path: "([^"]+)"/) { return (name, String(path.output.1)) }
            return (name, (match.output.1 == "testTarget" ? "Tests/" : "Sources/") + name)
        }
    }

    @Test func theModuleTableMatchesThePackage() throws {
        let manifest = try Fixtures.text("Package.swift")
        let doc = try Fixtures.text("docs/architecture.md")
        let targets = [
            "AtelierCore", "AtelierResources", "AtelierFiles", "AtelierStore", "AtelierLive", "AtelierExport",
            "AtelierTerminal", "AtelierREPL", "AtelierReplay", "AtelierNet",
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

    @Test func everyTargetImportsWhatItDeclaresAndNothingElse() throws {
        let manifest = try Fixtures.text("Package.swift")
        let targets = Self.targets(in: manifest)
        #expect(targets.count >= 20, "found \(targets.map(\.name))")
        for target in targets {
            let declared = try #require(Self.dependencies(of: target.name, in: manifest, products: true))
            let imported = try Self.imports(under: target.folder).subtracting([target.name])
            #expect(
                imported == declared,
                """
                \(target.name): imported but not declared \(imported.subtracting(declared).sorted()), \
                declared but not imported \(declared.subtracting(imported).sorted())
                """)
        }
    }

    /// The check above reads imports the way Swift writes them.
    @Test func importsAreReadInEveryForm() throws {
        let manifest = try Fixtures.text("Package.swift")
        #expect(
            Self.dependencies(of: "AtelierStore", in: manifest, products: true) == [
                "AtelierCore", "Crypto", "GRDB", "GRDBSQLite",
            ])
        #expect(try Self.imports(under: "Sources/AtelierCore") == ["Yams"])
        #expect(try Self.imports(under: "Tests/AtelierNetTests").contains("AtelierNet"))
    }
}
