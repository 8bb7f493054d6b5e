import AtelierTestFixtures
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16, anonymity: an anonymous session with `--min-group 3`, led from
/// stdin and joined over the line protocol, keeps no typed name anywhere —
/// the store's bytes, the facilitator's output, every export, the recording,
/// the replay — and withholds the department that gave 2 answers.
@Suite("atelier run --anonymous --min-group 3", .timeLimit(.minutes(2)))
struct AnonymousSessionTests {
    /// Names nobody would write by chance, so that finding one anywhere is a leak.
    static let typed = [
        ("Zephyrinea", "marketing"), ("Quortimbal", "marketing"), ("Wuxandrole", "legal"),
        ("Yvelkronna", "legal"), ("Ostravelin", "legal"),
    ]

    @Test func noTypedNameIsKeptAndTheSmallDepartmentIsWithheld() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let port = try Self.freePort()
        let facilitator = try Facilitator(
            [
                "run", "coping-patterns", "--store", store, "--session", "anon", "--anonymous", "--min-group", "3",
                "--listen", "127.0.0.1:\(port)", "--code", "ABC234", "--locale", "en",
            ], in: folder)
        defer { facilitator.stop() }
        facilitator.type("dept add marketing Marketing\ndept add legal Legal\n")
        var people: [LineSocket] = []
        defer { for person in people { person.close() } }
        var tokens: [String] = []
        for (name, department) in Self.typed {
            let person = try await LineSocket.connect(port: port)
            people.append(person)
            // The facilitator's `dept add` may still be on its way.
            var joined = try person.ask("join ABC234 \(name) \(department) en")
            for _ in 0..<50 where joined.last?.hasPrefix("error unknown department") == true {
                try await Task.sleep(for: .milliseconds(100))
                joined = try person.ask("join ABC234 \(name) \(department) en")
            }
            tokens.append(String(try #require(joined.first { $0.hasPrefix("ok ") }).dropFirst(3)))
        }
        // Each is told the name the room knows them by, in words.
        let told = try people[1].ask("whoami")
        #expect(told.last == "ok marketing, participant 2 for marketing, reading English")
        // The same typed name cannot be taken twice while its seat is held.
        let again = try await LineSocket.connect(port: port)
        defer { again.close() }
        #expect(
            try again.ask("join ABC234 Zephyrinea legal en").last
                == "error someone in the room already typed the name \"Zephyrinea\"; choose another, or, if it was you, type resume TOKEN"
        )
        #expect(
            try again.ask("join ABC234 legal#1 legal en").last
                == "error \"legal#1\" has the form of the names this anonymous session gives (department#number); choose another name"
        )
        facilitator.type("next\n")
        try await eventually {
            try people[0].ask("stage").contains { $0.hasPrefix("* stage ignore") || $0.hasPrefix("stage ignore") }
        }
        for (index, person) in people.enumerated() {
            #expect(try person.ask("rate \([1, 2, 4, 4, 3][index])").last?.hasPrefix("ok ignore: ") == true)
        }
        // Resume works through the token alone.
        people[0].close()
        let back = try await LineSocket.connect(port: port)
        people.append(back)
        #expect(try back.ask("resume \(tokens[0])").last == "ok \(tokens[0])")
        #expect(try back.ask("whoami").last == "ok marketing, participant 1 for marketing, reading English")
        #expect(try back.ask("rate 0").last?.hasPrefix("ok ignore: 0") == true)

        let exports = folder.appendingPathComponent("out")
        facilitator.type(
            """
            reveal
            results
            results all
            export md \(exports.path).md
            export json \(exports.path).json
            export csv \(exports.path)-csv
            export html \(exports.path).html
            end
            quit

            """)
        let run = try await facilitator.finish()
        // The room's view on the facilitator's terminal withholds marketing; `results all` shows it.
        // (The note is wrapped to the terminal's 80 columns, indented by 2.)
        #expect(
            run.stdout.contains(
                "  fewer than 3 answers, not shown: Marketing (they count in the company's\n  figures)\n"))
        let marketingRows = run.stdout.split(separator: "\n").map { $0.drop { $0 == " " } }.filter {
            $0.hasPrefix("Marketing ")
        }
        // Every tally (after each answer, the reveal, `results`) withholds it; only `results all` shows it:
        // marketing#1's 0 (changed from 1) and marketing#2's 2, n 2, median 1.
        #expect(marketingRows.count > 3)
        #expect(marketingRows.filter { $0.contains(" <3 ") }.count == marketingRows.count - 1)
        #expect(
            marketingRows.filter { !$0.contains(" <3 ") }.map(String.init) == [
                "Marketing  █   1  ·      █   1  ·      ·      2     1.0  1.0  0.58        ✓"
            ])

        var texts: [(String, String)] = [("stdout", run.stdout), ("stderr", run.stderr)]
        for file in ["out.md", "out.json", "out.html"] {
            texts.append((file, try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out-csv").path) {
            texts.append(
                (file, try String(contentsOf: folder.appendingPathComponent("out-csv/\(file)"), encoding: .utf8)))
        }
        let recording = folder.appendingPathComponent("anon.jsonl").path
        let recorded = try await CLIRunner.run(["record", "export", "anon", "--store", store, "-o", recording])
        #expect(recorded.status == 0)
        texts.append(("recording", try String(contentsOf: URL(fileURLWithPath: recording), encoding: .utf8)))
        let replay = try await CLIRunner.run(["replay", "anon", "--store", store, "--at", "999", "--locale", "en"])
        texts.append(("replay", replay.stdout + replay.stderr))
        for format in ["md", "json"] {
            let exported = try await CLIRunner.run([
                "export", "anon", "--store", store, "--format", format, "--locale", "fr",
            ])
            texts.append(("export \(format)", exported.stdout + exported.stderr))
        }
        // The store's own bytes (and its write-ahead log, if any is left).
        var stored = Data()
        for suffix in ["", "-wal", "-shm"] {
            stored += (try? Data(contentsOf: URL(fileURLWithPath: store + suffix))) ?? Data()
        }
        for (name, _) in Self.typed {
            #expect(stored.range(of: Data(name.utf8)) == nil, "the store holds \(name)")
            #expect(texts.filter { $0.1.contains(name) }.map(\.0) == [], "\(name) is written there")
        }
        // The pseudonyms are what the exports name.
        let json = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(json.contains(#""participants": ["marketing#1", "marketing#2"]"#))
        #expect(json.contains(#""anonymous": true"#))
        #expect(json.contains(#""min_group": 3"#))
        #expect(json.contains(#""withheld": ["ignore"]"#))
        #expect(json.contains(#""participants": ["legal#1", "legal#2", "legal#3"]"#))
        let markdown = try String(contentsOf: folder.appendingPathComponent("out.md"), encoding: .utf8)
        #expect(markdown.contains("| Marketing | fewer than 3 answers |"))
        #expect(texts.first { $0.0 == "export md" }?.1.contains("| Marketing | moins de 3 réponses |") == true)
        let html = try String(contentsOf: folder.appendingPathComponent("out.html"), encoding: .utf8)
        #expect(html.contains("fewer than 3 answers"))
        let answers = try String(
            contentsOf: folder.appendingPathComponent("out-csv/answers.csv"), encoding: .utf8)
        #expect(!answers.contains("marketing#"))
        #expect(answers.contains("legal#3"))
    }

    /// A new round in an anonymous session: each participant is told it began
    /// and gets back their own round-1 answer (`* round`, `* previous`); no push,
    /// no feed line and no reply carries a typed name, the feed names pseudonyms.
    @Test func theRoundPushesNameNobody() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let port = try Self.freePort()
        let facilitator = try Facilitator(
            [
                "run", "coping-patterns", "--store", store, "--session", "rounds", "--anonymous",
                "--listen", "127.0.0.1:\(port)", "--code", "ABC234", "--locale", "en",
            ], in: folder)
        defer { facilitator.stop() }
        facilitator.type("dept add marketing Marketing\nnext\n")
        var people: [LineSocket] = []
        defer { for person in people { person.close() } }
        var heard: [String] = []
        for (name, _) in Self.typed.prefix(2) {
            let person = try await LineSocket.connect(port: port)
            people.append(person)
            var joined = try person.ask("join ABC234 \(name) marketing en")
            for _ in 0..<50 where joined.last?.hasPrefix("error unknown department") == true {
                try await Task.sleep(for: .milliseconds(100))
                joined = try person.ask("join ABC234 \(name) marketing en")
            }
            heard += joined
        }
        try await eventually {
            try people[0].ask("stage").contains { $0.hasPrefix("* stage ignore") || $0.hasPrefix("stage ignore") }
        }
        for (index, person) in people.enumerated() {
            heard += try person.ask("rate \([3, 1][index])")
        }
        facilitator.type("reveal\nround\n")
        for person in people {
            var lines: [String] = []
            for _ in 0..<100 where !lines.contains(where: { $0.hasPrefix("* previous ") }) {
                lines += try person.ask("whoami")
                try await Task.sleep(for: .milliseconds(50))
            }
            heard += lines
        }
        #expect(heard.filter { $0.hasPrefix("* round ") }.count == 2)
        #expect(
            heard.filter { $0.hasPrefix("* round ") }.allSatisfy {
                $0.hasPrefix("* round ignore 2 — round 2 of \"")
            })
        #expect(
            heard.filter { $0.hasPrefix("* previous ") } == [
                "* previous ignore ignore 3 — your answer in round 1: 3",
                "* previous ignore ignore 1 — your answer in round 1: 1",
            ])
        #expect(heard.contains("ok marketing, participant 1 for marketing, reading English"))
        heard += try people[1].ask("rate 2")
        facilitator.type("end\nquit\n")
        let run = try await facilitator.finish()
        #expect(run.stdout.contains("marketing#2"))
        for (name, _) in Self.typed {
            #expect(!heard.contains { $0.contains(name) }, "a participant was told \(name)")
            #expect(!run.stdout.contains(name) && !run.stderr.contains(name), "the facilitator saw \(name)")
        }
    }

    @Test(arguments: [
        (
            "en",
            "--min-group 1 is out of range: a whole number from 2 to 50 is accepted (the smallest number of answers a department figure may be shown from)\n"
        ),
        (
            "fr",
            "--min-group 1 est hors limites : un nombre entier de 2 à 50 est accepté (le plus petit nombre de réponses dont un chiffre de département peut être montré)\n"
        ),
    ])
    func aMinimumOutOfRangeIsRefusedBeforeAnySessionExists(language: String, sentence: String) async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let output = try await CLIRunner.run([
            "run", "--store", store, "--session", "small", "--min-group", "1", "--locale", language,
        ])
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(output.stderr == sentence)
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    static func freePort() throws -> Int {
        let (socket, port) = try ListenCommandTests.occupy()
        close(socket)
        return port
    }
}

/// Polls `condition` until it holds (at most about 10 s).
private func eventually(_ condition: () throws -> Bool) async throws {
    for _ in 0..<200 {
        if (try? condition()) == true { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("condition never held")
}

/// `atelier run` reading the facilitator's commands from a pipe.
final class Facilitator: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let out: URL
    let err: URL

    init(_ arguments: [String], in folder: URL) throws {
        out = folder.appendingPathComponent("facilitator.out")
        err = folder.appendingPathComponent("facilitator.err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.executableURL = try CLIRunner.binary()
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.root
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C",
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
        ]
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
    }

    func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    /// Closes the commands' pipe and waits for the end.
    func finish() async throws -> (status: Int32, stdout: String, stderr: String) {
        try? input.fileHandleForWriting.close()
        for _ in 0..<400 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        return (
            status: process.isRunning ? -1 : process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8)
        )
    }

    func stop() { if process.isRunning { process.terminate() } }
}

/// A participant's TCP connection, as `nc` would be, read line by line.
final class LineSocket: @unchecked Sendable {
    struct Failure: Error { let what: String }
    let descriptor: Int32
    private var pending: [UInt8] = []

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Connects (retrying for up to 30 s while the server starts: a debug
    /// build on a loaded machine took more than 10 s in the full suite) and
    /// reads the welcome line.
    static func connect(port: Int) async throws -> LineSocket {
        for _ in 0..<300 {
            let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if connected == 0 {
                let socket = LineSocket(descriptor: descriptor)
                _ = try socket.line()
                return socket
            }
            Glibc.close(descriptor)
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(what: "connect")
    }

    /// Sends a request; the lines up to its reply (`ok ...` or `error ...`) included.
    func ask(_ request: String) throws -> [String] {
        let bytes = Array((request + "\n").utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw Failure(what: "send") }
        var lines: [String] = []
        while true {
            let line = try line()
            lines.append(line)
            if line == "ok" || line.hasPrefix("ok ") || line.hasPrefix("error ") { return lines }
        }
    }

    func line() throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            let count = Glibc.recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(what: "recv") }
            pending += buffer[0..<count]
        }
    }

    func close() { Glibc.close(descriptor) }
}
