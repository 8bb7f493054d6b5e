import AtelierPostgres
import AtelierStore
import Foundation

/// A throwaway PostgreSQL cluster for the tests: Debian's `postgresql`
/// binaries (installed by `.ci/run`), `initdb` in a temporary folder, a
/// free port on 127.0.0.1, password authentication (scram-sha-256) for
/// TCP. Run as root, every server command runs as the `postgres` user
/// (`runuser`), since initdb refuses root. Stopped by `stop()`, and the
/// shared one when the test process exits. No test needs a server that was
/// already running.
final class TestCluster: @unchecked Sendable {
    static let user = "atelier"
    static let password = "s3cret-atelier"

    let folder: String
    let port: Int
    private var databases = 0
    private let lock = NSLock()

    /// One cluster for every test that only needs a database of its own.
    static let shared: TestCluster = {
        do {
            let cluster = try TestCluster()
            atexit { TestCluster.shared.destroy() }
            return cluster
        } catch {
            fatalError("cannot start the test cluster: \(error)")
        }
    }()

    init() throws {
        let base = NSTemporaryDirectory() + "atelier-pg-" + UUID().uuidString.prefix(8)
        folder = base
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let passwordFile = base + "/password"
        try Self.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        if getuid() == 0 { try Self.run("/bin/chown", ["-R", "postgres:postgres", base]) }
        port = try Self.freePort()
        try Self.server(
            "initdb",
            [
                "-D", base + "/data", "-U", Self.user, "--pwfile=" + passwordFile, "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync",
            ])
        try start()
    }

    /// Starts (again) the server on the cluster's port.
    func start() throws {
        // Not captured: the server started would hold the pipe open, and its end would never come.
        try Self.server(
            capture: false, "pg_ctl",
            [
                "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "30", "-o",
                "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=on", "start",
            ])
    }

    /// Stops the server, now (what is committed stays: it is on disk).
    func stop() {
        _ = try? Self.server("pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "stop"])
    }

    /// Stops the server and removes its folder.
    func destroy() {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new, empty database; its address (with the password).
    func database() throws -> String {
        let name = lock.withLock {
            databases += 1
            return "t\(databases)_\(UUID().uuidString.prefix(6).lowercased())"
        }
        try Self.server("createdb", ["-h", folder, "-p", "\(port)", "-U", Self.user, name])
        return address(name)
    }

    func address(_ database: String, password: String = TestCluster.password) -> String {
        "postgres://\(Self.user):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// Runs SQL on a database through psql (the local socket, as the cluster's owner).
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> String {
        try Self.server(
            "psql",
            ["-h", folder, "-p", "\(port)", "-U", Self.user, "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    static func databaseName(_ address: String) -> String {
        String(address.split(separator: "/").last ?? "")
    }

    // MARK: - Processes

    static let binaries: String = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let newest = versions.compactMap { Int($0) }.max().map(String.init) ?? "15"
        return root + "/" + newest + "/bin"
    }()

    @discardableResult
    private static func server(capture: Bool = true, _ tool: String, _ arguments: [String]) throws -> String {
        // A server started must not inherit this process's descriptors (Foundation's Process watches a
        // socket, and the pipes, to tell that a child ended): a shell closes every one above 2 first.
        let command =
            capture
            ? [binaries + "/" + tool] + arguments
            : ["/bin/bash", "-c", Self.closingDescriptors, "--", binaries + "/" + tool] + arguments
        if getuid() == 0 {
            return try run("/usr/sbin/runuser", ["-u", "postgres", "--"] + command, capture: capture)
        }
        return try run(command[0], Array(command.dropFirst()), capture: capture)
    }

    static let closingDescriptors =
        "for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ \"$fd\" -gt 2 ]; then eval \"exec $fd>&-\"; fi; done; "
        + "exec \"$@\""

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        let output = Pipe()
        process.standardOutput = capture ? output : FileHandle.nullDevice
        process.standardError = capture ? output : FileHandle.nullDevice
        try process.run()
        let data = capture ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A port nobody listens on now, on 127.0.0.1.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Failure(description: "bind") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
