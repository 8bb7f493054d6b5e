import Testing

@Suite("atelier join, before it connects")
struct JoinCommandTests {
    @Test func codeAndDepartmentAreOneWordEachTheNameMayHaveSpaces() async throws {
        let output = try await CLIRunner.run([
            "join", "127.0.0.1:9", "--code", "ABC234", "--name", "Ana Maria", "--department", "human resources",
            "--locale",
            "en",
        ])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(
            output.refusal
                == "Error: --department \"human resources\" must be one word without spaces (e.g. --department marketing)"
        )
    }

    @Test func theAddressNeedsItsHost() async throws {
        let output = try await CLIRunner.run([
            "join", "7800", "--code", "ABC234", "--name", "ana", "--department", "marketing", "--locale", "fr",
        ])
        #expect(output.status == 64)
        #expect(
            output.refusal
                == "Erreur : « 7800 » n'est pas une adresse ; donnez HÔTE:PORT comme l'animateur l'affiche (par ex. 192.168.1.20:7800)"
        )
    }
}
