import CReadline
import Foundation
import Synchronization

/// What a completer answers for the line typed so far.
public enum CompletionAnswer: Sendable, Equatable {
    /// Every word that may stand at the cursor; readline keeps those that
    /// start with the word typed so far and completes their common prefix.
    case words([String])
    /// File names (readline's own completion).
    case files
}

/// A line editor on GNU readline's callback interface, for a terminal.
///
/// readline runs on one thread of its own, which waits with `poll` on the
/// terminal and on a wake-up pipe. Other threads talk to it through a
/// queue: `print` puts text above the prompt without losing the half-typed
/// line, `readLine` shows a prompt and returns the line typed. Ctrl-C clears
/// the line, Ctrl-D (on an empty line) ends the input. readline is global
/// state: one editor runs at a time.
public final class LineEditor: @unchecked Sendable {
    public enum Input: Sendable, Equatable {
        case line(String)
        /// Ctrl-D, end of the terminal, or a hang-up signal.
        case end
    }

    private enum Request {
        case print(String)
        case page(String, Pager, CheckedContinuation<Void, Never>)
        case clear
        case read(String, CheckedContinuation<Input, Never>)
        case prompt(String)
        case interrupt
        case resize
        case hangUp
        case stop(CheckedContinuation<Void, Never>)
    }

    private let queue = Mutex<[Request]>([])
    private let completer: Mutex<@Sendable (String) -> CompletionAnswer>
    private let historyPath: String?
    private let historySize = 1000
    private let inputFD: Int32
    private let outputFD: Int32
    private let handlesSignals: Bool
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var signalSources: [any DispatchSourceSignal] = []

    // Touched by the readline thread only.
    private var output: UnsafeMutablePointer<FILE>?
    private var input: UnsafeMutablePointer<FILE>?
    private var pendingRead: CheckedContinuation<Input, Never>?
    private var lastHistoryLine: String?
    private var running = true

    /// - Parameters:
    ///   - name: readline's application name (for `$if` in ~/.inputrc).
    ///   - historyPath: where the history is kept; nil keeps none.
    ///   - input, output: the terminal's file descriptors (a pseudo-terminal in tests).
    ///   - handlesSignals: Ctrl-C, window resizes and hang-ups are handled
    ///     (leave false when the editor does not own the process's terminal).
    ///   - completer: the candidates for the line typed up to the cursor.
    public init(
        name: String, historyPath: String?, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
        handlesSignals: Bool = true, completer: @escaping @Sendable (String) -> CompletionAnswer = { _ in .words([]) }
    ) {
        self.historyPath = historyPath
        self.inputFD = input
        self.outputFD = output
        self.handlesSignals = handlesSignals
        self.completer = Mutex(completer)
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        _ = fcntl(wakeRead, F_SETFL, fcntl(wakeRead, F_GETFL) | O_NONBLOCK)
        _ = fcntl(wakeWrite, F_SETFL, fcntl(wakeWrite, F_GETFL) | O_NONBLOCK)
        ReadlineBridge.setUp(name: name)
    }

    /// Replaces the completer (the REPL is made after its editor).
    public func setCompleter(_ completer: @escaping @Sendable (String) -> CompletionAnswer) {
        self.completer.withLock { $0 = completer }
    }

    /// Starts the editor's thread. Call once, before anything else.
    public func start() {
        ReadlineBridge.active = self
        if handlesSignals {
            signalSources = [(SIGINT, Request.interrupt), (SIGWINCH, .resize), (SIGHUP, .hangUp), (SIGTERM, .hangUp)]
                .map { signalNumber, request in
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                    source.setEventHandler { [weak self] in self?.send(request) }
                    source.resume()
                    return source
                }
        }
        let thread = Thread { [self] in loop() }
        thread.name = "atelier.readline"
        thread.start()
    }

    /// Shows the prompt and waits for a line.
    public func readLine(prompt: String) async -> Input {
        await withCheckedContinuation { send(.read(prompt, $0)) }
    }

    /// Replaces the prompt of the line being typed, keeping what is typed;
    /// nothing happens when no line is being read.
    public func setPrompt(_ prompt: String) {
        send(.prompt(prompt))
    }

    /// Prints text (one or more lines; a final newline is added if missing):
    /// above the prompt while a line is being typed, keeping it intact.
    /// Safe from any thread; texts print in the order they were given.
    public func print(_ text: String) {
        send(.print(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// Shows text through the pager, and returns when the pager has ended;
    /// what other threads print meanwhile waits. Printed as `print` does
    /// while a line is being typed (the pager would fight readline for the keys).
    public func page(_ text: String, with pager: Pager) async {
        await withCheckedContinuation { send(.page(text, pager, $0)) }
    }

    /// Clears the screen (the `clear` command; Ctrl-L while typing).
    public func clearScreen() {
        send(.clear)
    }

    /// Restores the terminal, saves the history and ends the thread.
    public func stop() async {
        await withCheckedContinuation { send(.stop($0)) }
        for source in signalSources { source.cancel() }
        if handlesSignals {
            for signalNumber in [SIGINT, SIGWINCH, SIGHUP, SIGTERM] { signal(signalNumber, SIG_DFL) }
        }
    }

    private func send(_ request: Request) {
        queue.withLock { $0.append(request) }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: - The readline thread

    private func loop() {
        input = fdopen(dup(inputFD), "r")
        output = fdopen(dup(outputFD), "w")
        atelier_rl_set_instream(input)
        atelier_rl_set_outstream(output)
        loadHistory()
        while running {
            let reading = pendingRead != nil
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if reading { fds.append(pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 { continue }
            if fds[0].revents != 0 { drainWakeUps() }
            for request in queue.withLock({ requests in
                defer { requests = [] }
                return requests
            }) {
                handle(request)
            }
            if fds.count > 1, pendingRead != nil, fds[1].revents != 0 {
                rl_callback_read_char()
            }
        }
        if let input { fclose(input) }
        if let output { fclose(output) }
        close(wakeRead)
        close(wakeWrite)
    }

    private func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    private func handle(_ request: Request) {
        switch request {
        case .print(let text):
            if pendingRead != nil { printAbove(text) } else { emit(text) }
        case .page(let text, let pager, let continuation):
            if pendingRead != nil || !pager.run(text) { handle(.print(text)) }
            continuation.resume()
        case .clear:
            if pendingRead != nil {
                rl_clear_screen(0, 0)
            } else {
                emit("\u{1B}[H\u{1B}[2J")
            }
        case .read(let prompt, let continuation):
            pendingRead = continuation
            rl_callback_handler_install(prompt, ReadlineBridge.lineHandler)
        case .prompt(let prompt):
            guard pendingRead != nil else { return }
            rl_set_prompt(prompt)
            rl_redisplay()
        case .interrupt:
            guard pendingRead != nil else { return }
            rl_callback_sigcleanup()
            rl_free_line_state()
            atelier_rl_set_point(atelier_rl_end())
            rl_redisplay()
            emit("^C\n")
            rl_replace_line("", 0)
            rl_on_new_line()
            rl_redisplay()
        case .resize:
            if pendingRead != nil { rl_resize_terminal() }
        case .hangUp:
            if pendingRead != nil { emit("\n") }
            finishReading(.end)
        case .stop(let continuation):
            // A prompt still shown is left on a line of its own.
            if pendingRead != nil { emit("\n") }
            finishReading(.end)
            if let historyPath { history_truncate_file(historyPath, Int32(historySize)) }
            running = false
            continuation.resume()
        }
    }

    /// Prints above the prompt: save the line, clear it, print, restore, redisplay.
    private func printAbove(_ text: String) {
        let point = atelier_rl_point()
        let line = atelier_rl_line_buffer().map { String(cString: $0) } ?? ""
        rl_save_prompt()
        rl_replace_line("", 0)
        rl_redisplay()
        emit(text)
        rl_restore_prompt()
        rl_replace_line(line, 0)
        atelier_rl_set_point(point)
        rl_on_new_line()
        rl_redisplay()
    }

    private func finishReading(_ input: Input) {
        guard let continuation = pendingRead else { return }
        rl_callback_handler_remove()
        pendingRead = nil
        continuation.resume(returning: input)
    }

    /// Called by readline with the line typed, or nil at end of input.
    fileprivate func received(_ raw: UnsafeMutablePointer<CChar>?) {
        guard let raw else {
            emit("\n")
            finishReading(.end)
            return
        }
        let line = String(cString: raw)
        free(raw)
        remember(line)
        finishReading(.line(line))
    }

    fileprivate func complete(_ lineBeforeCursor: String) -> CompletionAnswer {
        completer.withLock { $0 }(lineBeforeCursor)
    }

    private func emit(_ text: String) {
        guard let output else { return }
        fputs(text, output)
        fflush(output)
    }

    // MARK: - History

    private func loadHistory() {
        using_history()
        atelier_history_set_max(Int32(historySize))
        guard let historyPath else { return }
        let folder = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: historyPath) {
            _ = FileManager.default.createFile(atPath: historyPath, contents: nil)
        }
        read_history(historyPath)
    }

    private func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != lastHistoryLine else { return }
        lastHistoryLine = line
        add_history(line)
        if let historyPath { append_history(1, historyPath) }
    }
}

/// The C callbacks readline calls; they reach the one active editor.
enum ReadlineBridge {
    nonisolated(unsafe) static var active: LineEditor?
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var nextCandidate = 0
    nonisolated(unsafe) private static var configured = false

    static func setUp(name: String) {
        guard !configured else { return }
        configured = true
        atelier_rl_set_name(strdup(name))
        atelier_rl_set_catch_signals(0)
        atelier_rl_set_catch_sigwinch(0)
        atelier_rl_set_change_environment(0)
        atelier_rl_set_basic_word_break_characters(strdup(" \t\n"))
        atelier_rl_set_completer_quote_characters(strdup("\"'"))
        atelier_rl_set_completer(attemptCompletion)
    }

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { raw in
        active?.received(raw)
    }

    static let attemptCompletion: atelier_rl_completer = { text, _, end in
        guard let editor = active, let buffer = atelier_rl_line_buffer() else { return nil }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(max(0, end)))
        let line = String(decoding: bytes, as: UTF8.self)
        switch editor.complete(line) {
        case .files:
            atelier_rl_set_attempted_completion_over(0)
            return nil
        case .words(let words):
            atelier_rl_set_attempted_completion_over(1)
            let prefix = String(cString: text)
            // A quoted candidate (`"Jean Dupont"`) matches what is typed without its quote.
            candidates = words.filter { $0.hasPrefix(prefix) || ($0.first == "\"" && $0.dropFirst().hasPrefix(prefix)) }
            return atelier_rl_completion_matches(text, generator)
        }
    }

    static let generator: atelier_rl_generator = { _, state in
        if state == 0 { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        defer { nextCandidate += 1 }
        return strdup(candidates[nextCandidate])
    }
}
