import Testing

@Suite("atelier run --web, before anything is written")
struct WebOptionTests {
    @Test func webNeedsListen() async throws {
        let store = try CLIRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
        let output = try await CLIRunner.run([
            "run", "coping-patterns", "--store", store, "--web", "4712", "--locale", "en",
        ])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(
            output.refusal
                == "Error: --web needs --listen: browsers join the room that --listen opens (atelier run --listen [HOST:]PORT --web [HOST:]PORT)"
        )
    }

    @Test func aBadWebAddressIsRefused() async throws {
        let store = try CLIRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
        let output = try await CLIRunner.run([
            "run", "coping-patterns", "--store", store, "--listen", "4711", "--web", "host:port", "--locale", "fr",
        ])
        #expect(output.status == 64)
        #expect(
            output.refusal
                == "Erreur : « host:port » n'est pas une adresse pour --web ; donnez [HÔTE:]PORT (par exemple 0.0.0.0:4712)"
        )
    }

    @Test func theLastPortHasNoNextOne() async throws {
        let store = try CLIRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
        let output = try await CLIRunner.run([
            "run", "coping-patterns", "--store", store, "--listen", "65535", "--locale", "en",
        ])
        #expect(output.status == 64)
        #expect(
            output.refusal
                == "Error: --listen uses port 65535, so there is no next port for browsers; choose one with --web [HOST:]PORT"
        )
    }
}
