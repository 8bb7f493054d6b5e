import CReadline
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many columns the views may use: the terminal's width, measured
/// (TIOCGWINSZ) and measured again at each resize (SIGWINCH); 80 when the
/// output is no terminal (a pipe, a file, a test).
///
/// Unchecked: its one stored reference besides the atomic, the signal
/// source, is set once in `init` and dispatch sources are thread-safe.
public final class TerminalWidth: @unchecked Sendable {
    /// The width without a terminal.
    public static let fallback = 80

    private let columns: Atomic<Int>
    private let fileDescriptor: Int32?
    private let resizes: (any DispatchSourceSignal)?

    /// A width that never changes (scripts, tests).
    public init(fixed: Int) {
        columns = Atomic(fixed)
        fileDescriptor = nil
        resizes = nil
    }

    /// The width of the terminal on `fileDescriptor`, followed through
    /// resizes while this object lives.
    public init(measuring fileDescriptor: Int32) {
        columns = Atomic(Self.measure(fileDescriptor))
        self.fileDescriptor = fileDescriptor
        // SIGWINCH is ignored by default: the source sees it all the same.
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        resizes = source
        source.setEventHandler { [weak self] in self?.update() }
        source.resume()
    }

    deinit {
        resizes?.cancel()
    }

    /// The width now.
    public var current: Int { columns.load(ordering: .relaxed) }

    /// Measures again (called on each resize).
    public func update() {
        guard let fileDescriptor else { return }
        columns.store(Self.measure(fileDescriptor), ordering: .relaxed)
    }

    /// The columns of the terminal on `fileDescriptor`, or the fallback.
    public static func measure(_ fileDescriptor: Int32) -> Int {
        let columns = Int(atelier_terminal_columns(fileDescriptor))
        return columns > 0 ? columns : fallback
    }
}
