import AtelierCore
import Testing

@Suite("atelier --version")
struct VersionCommandTests {
    @Test func printsTheVersionAndExitsZero() async throws {
        let output = try await CLIRunner.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout == "0.1.0\n")
        #expect(output.stdout == AtelierVersion.number + "\n")
        #expect(output.stderr == "")
        #expect(AtelierVersion.generator == "atelier 0.1.0")
    }
}
