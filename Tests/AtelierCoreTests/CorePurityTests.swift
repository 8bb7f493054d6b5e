import AtelierTestFixtures
import Foundation
import Testing

/// The core stays pure (docs/architecture.md): it imports Yams only (and
/// single C math functions), and touches no file, socket, clock or process.
@Suite struct CorePurityTests {
    static func coreSources() throws -> [(name: String, text: String)] {
        let folder = Fixtures.root.appendingPathComponent("Sources/AtelierCore")
        var files: [(String, String)] = []
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            files.append((path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func theCoreImportsOnlyYams() throws {
        let sources = try Self.coreSources()
        #expect(sources.count >= 20)
        // A single C math function may be imported alone (`import func Glibc.log2`).
        let scopedMath = /\s*import func (Glibc|Musl|Darwin)\.(log2|exp|log|pow|sqrt|erfc)/
        for (name, text) in sources {
            let imports = text.split(separator: "\n").filter {
                let code = $0.drop { $0 == " " }
                return code.hasPrefix("import ")
            }
            let others = imports.filter { $0 != "import Yams" && $0.wholeMatch(of: scopedMath) == nil }
            #expect(others == [], "\(name)")
        }
    }

    @Test func theCoreCallsNoFileClockOrProcessAPI() throws {
        let forbidden = [
            "FileManager", "fopen(", "FileHandle", "Date()", "clock_gettime", "ProcessInfo", "getenv(", "socket(",
        ]
        for (name, text) in try Self.coreSources() {
            for word in forbidden {
                #expect(!text.contains(word), "\(name) uses \(word)")
            }
        }
    }
}
