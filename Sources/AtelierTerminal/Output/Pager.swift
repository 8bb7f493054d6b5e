import CReadline
import Foundation
import Synchronization

/// Output taller than the screen goes through a pager on a terminal, as
/// psql does: `$PAGER`, else `less -FRX` (which quits by itself when the
/// text fits, keeps the colours and leaves the text on the screen).
/// `pager on|off` turns it on and off; scripts and pipes never page.
public final class Pager: Sendable {
    /// The shell command the text is piped to.
    public let command: String
    private let terminal: Int32
    private let on = Atomic<Bool>(true)

    /// - Parameters:
    ///   - environment: where `PAGER` is read (an empty `PAGER` means `less -FRX`).
    ///   - terminal: the descriptor whose rows are measured.
    public init(environment: [String: String], terminal: Int32 = STDOUT_FILENO) {
        let chosen = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        command = chosen.isEmpty ? "less -FRX" : chosen
        self.terminal = terminal
    }

    /// Whether output may be paged (`pager on`, the default).
    public var enabled: Bool {
        get { on.load(ordering: .relaxed) }
        set { on.store(newValue, ordering: .relaxed) }
    }

    /// The rows of the terminal, or 0 when it is none.
    public var rows: Int { Int(atelier_terminal_rows(terminal)) }

    /// Whether `lines` lines (each at most the screen's width) need the pager:
    /// with the prompt, they would not fit on the screen.
    public func pages(lines count: Int) -> Bool {
        let rows = rows
        return enabled && rows > 0 && count >= rows
    }

    /// Runs the pager on `text` and waits for it to end. Called on the line
    /// editor's thread while no line is read, so nothing else writes to the
    /// terminal meanwhile. False when the pager could not be started.
    func run(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        // A pager quit before reading everything closes the pipe: the rest is dropped.
        let previous = signal(SIGPIPE, SIG_IGN)
        let bytes = Array(text.utf8)
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
        return true
    }
}
