import AtelierCore
import AtelierTerminal
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plays a transcript on the terminal at the schedule's pace: the only part
/// of the replay that sleeps and reads keys. Space pauses and resumes, `q`
/// stops; with `step`, each stage change waits for Enter. On a terminal the
/// lines follow its width as it is resized (SIGWINCH), as the REPL's do.
/// When stdout is not a terminal, everything is printed at once.
public struct ReplayPlayer {
    public let transcript: ReplayTranscript
    public let schedule: ReplaySchedule
    public let step: Bool

    public init(transcript: ReplayTranscript, schedule: ReplaySchedule, step: Bool) {
        self.transcript = transcript
        self.schedule = schedule
        self.step = step
    }

    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Plays to the end, or until `q`; returns false when stopped early.
    @discardableResult
    public func play(hint: String) -> Bool {
        guard Self.stdoutIsTerminal else {
            for line in transcript.all() { emit(line) }
            return true
        }
        let keys = Keyboard()
        if keys != nil { emit(transcript.style.dim(hint)) }
        defer { keys?.restore() }
        let width = TerminalWidth(measuring: STDOUT_FILENO)
        var cursor = ReplayCursor(transcript.session)
        while cursor.position < transcript.session.events.count {
            let index = cursor.position
            if !pause(before: index, keys: keys) { return false }
            guard let advanced = cursor.advance() else { break }
            let fitted = transcript.fitting(width: width.current)
            for line in fitted.lines(at: advanced.index, before: advanced.before, after: cursor.state) {
                emit(line)
            }
        }
        return true
    }

    /// Waits before event `index`: Enter at a stage change with `step`, else
    /// its scheduled delay. False when the person pressed `q`.
    private func pause(before index: Int, keys: Keyboard?) -> Bool {
        let stageChange: Bool
        if case .stageChanged = transcript.session.events[index].event {
            stageChange = index > 0
        } else {
            stageChange = false
        }
        if step, stageChange {
            if let waiting = transcript.stepPause(before: index) { emit(waiting) }
            guard let keys else { return readLine() != nil }
            return keys.waitForEnter()
        }
        guard let keys else {
            usleep(useconds_t(min(schedule.delays[index], 60_000)) * 1000)
            return true
        }
        return keys.wait(milliseconds: schedule.delays[index])
    }

    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The terminal in non-canonical mode without echo, so single keys arrive
/// at once; restored on exit, including on Ctrl-C.
final class Keyboard {
    init?() {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        savedTerminal = original
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        signal(SIGINT) { _ in
            restoreSavedTerminal()
            _exit(130)
        }
    }

    func restore() {
        restoreSavedTerminal()
        signal(SIGINT, SIG_DFL)
    }

    /// Sleeps `milliseconds`, handling keys meanwhile; false when `q` was pressed.
    func wait(milliseconds: Int64) -> Bool {
        var remaining = milliseconds
        var paused = false
        while remaining > 0 || paused {
            let slice = paused ? 1000 : Int32(min(remaining, 100))
            let began = DispatchTime.now().uptimeNanoseconds
            switch key(timeout: slice) {
            case UInt8(ascii: "q"), UInt8(ascii: "Q"): return false
            case UInt8(ascii: " "): paused.toggle()
            default: break
            }
            if !paused {
                remaining -= Int64((DispatchTime.now().uptimeNanoseconds - began) / 1_000_000)
            }
        }
        return true
    }

    /// Waits for Enter (or Space); false when `q` was pressed.
    func waitForEnter() -> Bool {
        while true {
            switch key(timeout: -1) {
            case UInt8(ascii: "q"), UInt8(ascii: "Q"): return false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "): return true
            default: continue
            }
        }
    }

    /// One key, or nil when none came within `timeout` milliseconds (-1: forever).
    private func key(timeout: Int32) -> UInt8? {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return nil }
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}

nonisolated(unsafe) private var savedTerminal: termios?

private func restoreSavedTerminal() {
    guard var saved = savedTerminal else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, &saved)
}
