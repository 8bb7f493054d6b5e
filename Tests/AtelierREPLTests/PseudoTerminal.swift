import Foundation
import Synchronization

/// A pseudo-terminal for the line editor in this process: the editor reads
/// and writes the terminal side; the test types on the other side and
/// keeps everything the editor shows.
final class PseudoTerminal: Sendable {
    let master: Int32
    let terminal: Int32
    private let shown = Mutex<[UInt8]>([])

    init(columns: UInt16 = 80, rows: UInt16 = 40) throws {
        master = PTY.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, let name = PTY.ptsname(master) else {
            throw TestFailure("no pseudo-terminal")
        }
        terminal = open(name, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw TestFailure("cannot open \(String(cString: name))") }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
        let thread = Thread { [self] in readAll() }
        thread.start()
    }

    /// Types text as keys (`\r` is Enter).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Everything shown so far, escape codes included.
    var output: String { String(decoding: shown.withLock { $0 }, as: UTF8.self) }

    /// Waits (bounded) until what is shown holds.
    func wait(timeout: Duration = .seconds(30), until test: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !test(output) {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    func close() {
        Foundation.close(terminal)
        Foundation.close(master)
    }

    private func readAll() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return }
            shown.withLock { $0 += buffer[0..<count] }
        }
    }
}

/// The POSIX pseudo-terminal calls, which the Swift C library module does
/// not show (they need _XOPEN_SOURCE): looked up in the C library itself.
private enum PTY {
    typealias Open = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else {
            fatalError("\(name) is missing from the C library")
        }
        return unsafeBitCast(symbol, to: type)
    }

    static let openpt = function("posix_openpt", as: Open.self)
    static let grantpt = function("grantpt", as: Open.self)
    static let unlockpt = function("unlockpt", as: Open.self)
    static let ptsname = function("ptsname", as: Name.self)
}
