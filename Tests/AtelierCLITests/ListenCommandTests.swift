import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("atelier run --listen on a busy port")
struct ListenCommandTests {
    /// A socket listening on a free port of 127.0.0.1; its port.
    static func occupy() throws -> (socket: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test(arguments: [
        ("en", "port {port} is already in use; choose another with --listen\n"),
        ("fr", "le port {port} est déjà utilisé ; choisissez-en un autre avec --listen\n"),
    ])
    func stopsBeforeAnySessionIsCreated(language: String, sentence: String) async throws {
        let (socket, port) = try Self.occupy()
        defer { close(socket) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-listen-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let output = try await CLIRunner.run([
            "run", "--store", store, "--session", "busy", "--listen", "127.0.0.1:\(port)", "--locale", language,
        ])
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(output.stderr == sentence.replacingOccurrences(of: "{port}", with: String(port)))
        // Nothing was created: not the session, not even the store.
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
