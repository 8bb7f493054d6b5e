import AtelierCore
import AtelierPostgres
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// Issue 19 end to end, through the real `atelier` program on 127.0.0.1:
/// two facilitators lead a session each on one PostgreSQL database, with
/// line-protocol participants; a third process watches the first session
/// live; a second `resume` of a live session is refused, then allowed once
/// its process is killed; the server stops under the second session and
/// comes back; the database is copied to SQLite and both export the same.
@Suite(.timeLimit(.minutes(5)))
struct TwoFacilitatorsTests {
    static let code = "ABC234"

    /// Each printed line of `atelier watch` starts with the session's clock.
    static func withoutClock(_ line: String) -> String {
        guard let match = line.firstMatch(of: #/^\[\d+:\d\d:\d\d\] /#) else { return line }
        return String(line[match.range.upperBound...])
    }

    struct Room {
        let facilitator: RunningProgram
        let port: Int
    }

    @Test func twoSessionsOnOneDatabaseWatchedResumedCutAndCopied() async throws {
        let cluster = try TestCluster()
        defer { cluster.destroy() }
        let store = try cluster.database()
        let display = try PostgresAddress(store).display
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C",
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
        ]
        var running: [RunningProgram] = []
        defer { for program in running { program.stop() } }
        func start(_ arguments: [String], _ name: String) throws -> RunningProgram {
            let program = try RunningProgram(arguments, in: folder, environment: environment, name: name)
            running.append(program)
            return program
        }

        // Two facilitators, each with a session of their own on the same database.
        func lead(_ session: String, department: String) async throws -> Room {
            let port = try TestCluster.freePort()
            let web = try TestCluster.freePort()
            let facilitator = try start(
                [
                    "run", "--store", store, "--session", session, "--listen", "127.0.0.1:\(port)", "--web",
                    "127.0.0.1:\(web)", "--code", Self.code, "--locale", "en",
                ], session)
            let (listening, screen) = await facilitator.wait(for: "participants can join on 127.0.0.1:\(port)")
            #expect(listening, "\(screen)")
            try facilitator.type("dept add \(department)")
            try facilitator.type("next")
            let (open, after) = await facilitator.wait(for: "stage ignore: Looking away")
            #expect(open, "\(after)")
            return Room(facilitator: facilitator, port: port)
        }
        let first = try await lead("first", department: "marketing")
        let second = try await lead("second", department: "legal")

        // A co-facilitator follows the first session from a third process.
        let watch = try start(["watch", "first", "--store", store, "--locale", "en"], "watch")
        let (following, opening) = await watch.wait {
            $0.contains { Self.withoutClock($0) == "stage ignore: Looking away" }
        }
        #expect(following, "\(opening)")

        // Participants answer over the line protocol (`atelier join`, typed at).
        func join(_ room: Room, _ name: String, _ department: String) async throws -> RunningProgram {
            let participant = try start(
                [
                    "join", "127.0.0.1:\(room.port)", "--code", Self.code, "--name", name, "--department", department,
                    "--locale", "en",
                ], name)
            let (seated, screen) = await participant.wait(
                for: "you are in as \(name) for \(department); type help for the commands, Tab completes")
            #expect(seated, "\(screen)")
            return participant
        }
        func answer(_ participant: RunningProgram, _ value: Int, _ label: String) async throws {
            try participant.type("rate \(value)")
            let (stored, screen) = await participant.wait(for: "✓ ignore: \(value) (\(label)) recorded")
            #expect(stored, "\(screen)")
        }
        let alice = try await join(first, "alice", "marketing")
        try await answer(alice, 3, "Much like us")
        let (aliceSeen, afterAlice) = await watch.wait {
            $0.contains { Self.withoutClock($0) == "alice (marketing) rated ignore: 3 (Much like us)" }
        }
        #expect(aliceSeen, "\(afterAlice)")
        let bob = try await join(first, "bob", "marketing")
        try await answer(bob, 1, "A little like us")
        let (bobSeen, afterBob) = await watch.wait {
            $0.contains { Self.withoutClock($0) == "bob (marketing) rated ignore: 1 (A little like us)" }
        }
        #expect(bobSeen, "\(afterBob)")
        let carol = try await join(second, "carol", "legal")
        try await answer(carol, 2, "Partly us")
        let dan = try await join(second, "dan", "legal")
        for line in [
            "alice (marketing) rated ignore: 3 (Much like us)", "bob (marketing) rated ignore: 1 (A little like us)",
        ] {
            #expect(await first.facilitator.wait(for: line).0, "\(line)")
        }
        #expect(await second.facilitator.wait(for: "carol (legal) rated ignore: 2 (Partly us)").0)
        // What the watcher printed, line by line: the first session only, as its facilitator's transcript.
        #expect(
            watch.lines.map(Self.withoutClock) == [
                "Following session first of \(display), read-only; Ctrl-C stops.",
                "session first started: Facing social media: four reflexes and three",
                "          brakes",
                "department marketing added",
                "",
                "stage ignore: Looking away",
                "alice joined marketing",
                "alice (marketing) rated ignore: 3 (Much like us)",
                "bob joined marketing",
                "bob (marketing) rated ignore: 1 (A little like us)",
                "",
            ])

        // One writer per session: a second resume of the first is refused while its process lives.
        let atelier = try Program.built()
        let host = ProcessInfo.processInfo.hostName
        let refused = try await Program.run(
            atelier, ["resume", "first", "--store", store, "--locale", "en"], in: folder, environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(
            refused.stderr
                == "session first is live on \(host) (process \(first.facilitator.pid)); it has one writer at a time: resume it there, or once that atelier has stopped\n"
        )
        first.facilitator.signal(SIGKILL)
        #expect(await first.facilitator.exit() == SIGKILL)
        let resumed = try await Program.run(
            atelier, ["resume", "first", "--store", store, "--locale", "en"], in: folder, environment: environment,
            input: "note back again\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == "note on ignore: back again\n")
        let (noteSeen, afterNote) = await watch.wait {
            $0.contains { Self.withoutClock($0) == "note on ignore: back again" }
        }
        #expect(noteSeen, "\(afterNote)")
        watch.signal(SIGINT)
        #expect(await watch.exit() != nil)

        // The server stops under the second session: dan's answer is refused, never acknowledged, and
        // the facilitator is told; the server back, the same answer is stored without a restart.
        cluster.stop()
        try dan.type("rate 4")
        let (refusedAnswer, danScreen) = await dan.wait(
            for: "✗ your answer could not be stored and was not recorded; try again")
        #expect(refusedAnswer, "\(danScreen)")
        let told = [
            "the server closed the connection",
            "nothing answers on 127.0.0.1:\(cluster.port): is the server started, on that port?",
        ].map {
            "! dan's request was NOT stored (they were told to try again): the PostgreSQL store \(display) cannot be reached (\($0)); nothing was stored; atelier connects again at the next try"
        }
        let (toldFacilitator, facilitatorScreen) = await second.facilitator.wait { $0.contains { told.contains($0) } }
        #expect(toldFacilitator, "\(facilitatorScreen)")
        #expect(!second.facilitator.lines.contains { $0.hasPrefix("dan (legal) rated") })
        try cluster.start()
        try await answer(dan, 4, "Exactly us")
        #expect(await second.facilitator.wait(for: "dan (legal) rated ignore: 4 (Exactly us)").0)
        // Alice and Bob's atelier was killed under them; Carol and Dan leave as they type Ctrl-D.
        for participant in [carol, dan] {
            participant.endInput()
            #expect(await participant.exit() == 0)
        }
        second.facilitator.endInput()
        #expect(await second.facilitator.exit() == 0)

        // Every acknowledged answer is in the database.
        let address = try PostgresAddress(store)
        let database = try PostgresStore(address: address, readOnly: true)
        func ratings(_ session: String) throws -> [String] {
            try database.events(id: session).compactMap {
                guard case .rated(let rater, _, let item, let value) = $0.event else { return nil }
                return "\(rater.id) \(item) \(value)"
            }
        }
        #expect(try ratings("first") == ["alice ignore 3", "bob ignore 1"])
        #expect(try ratings("second") == ["carol ignore 2", "dan ignore 4"])
        database.close()

        // Copied to SQLite, both stores export the same summaries, byte for byte.
        let copy = folder.appendingPathComponent("copy.sqlite").path
        let copied = try await Program.run(
            atelier, ["store", "copy", store, copy, "--locale", "en"], in: folder, environment: environment)
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(
            copied.stdout
                == "copied 2 sessions from \(display) to \(copy) (0 already there, the same); each folds to the same state on both sides\n"
        )
        for session in ["first", "second"] {
            for format in ["json", "md"] {
                var exports: [String] = []
                for from in [store, copy] {
                    let exported = try await Program.run(
                        atelier, ["export", session, "--store", from, "--format", format, "--locale", "en"],
                        in: folder, environment: environment)
                    #expect(exported.status == 0, "\(exported.stderr)")
                    exports.append(exported.stdout)
                }
                #expect(!exports[0].isEmpty)
                #expect(exports[0] == exports[1], "\(session) \(format)")
            }
        }
    }
}
