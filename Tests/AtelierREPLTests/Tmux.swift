import Foundation

/// A program running in a tmux pane on a server of its own (a unique `-L`
/// socket), read off the screen as a person would see it.
struct Tmux {
    let socket = "atelier-test-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (run by /bin/sh) in a detached pane of `width` × `height`.
    init(_ command: String, width: Int = 100, height: Int = 30) throws {
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Keys by tmux name (`Tab`, `Enter`, `C-c`, `C-d`).
    func keys(_ names: String...) async throws {
        try await OffThread.run { [self] in try tmux(["send-keys", "-t", "0"] + names) }
    }

    /// Text typed literally.
    func type(_ text: String) async throws {
        try await OffThread.run { [self] in try tmux(["send-keys", "-t", "0", "-l", text]) }
    }

    /// Resizes the pane's window, as a person dragging the terminal's edge
    /// (the program in it gets SIGWINCH).
    func resize(width: Int, height: Int) async throws {
        try await OffThread.run { [self] in
            try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
        }
    }

    /// The visible lines, trailing spaces trimmed; with `history`, every
    /// line since the start, a line the terminal wrapped joined back whole.
    func screen(history: Bool = false) -> [String] {
        let whole = history ? ["-J", "-S", "-"] : []
        guard let text = try? tmux(["capture-pane", "-p", "-t", "0"] + whole, capture: true) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// Polls the screen until `test` holds, at most `timeout`; the last screen either way.
    @discardableResult
    func wait(timeout: Duration = .seconds(30), until test: ([String]) -> Bool) async -> (Bool, [String]) {
        let deadline = ContinuousClock.now + timeout
        var lines = (try? await OffThread.run { [self] in screen() }) ?? []
        while !test(lines) {
            if ContinuousClock.now >= deadline { return (false, lines) }
            try? await Task.sleep(for: .milliseconds(50))
            lines = (try? await OffThread.run { [self] in screen() }) ?? []
        }
        return (true, lines)
    }

    /// Waits until a line of the screen contains `text`.
    func wait(for text: String, timeout: Duration = .seconds(30)) async -> (Bool, [String]) {
        await wait(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Ends the pane's programs (its whole process group: the shell does
    /// not pass a hang-up on), then the server, on a thread of its own.
    func kill() {
        Thread { [self] in killAndWait() }.start()
    }

    private func killAndWait() {
        let pane = (try? tmux(["list-panes", "-F", "#{pane_pid}"], capture: true)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let pane {
            Foundation.kill(-pane, SIGHUP)
            usleep(200_000)
            Foundation.kill(-pane, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
    }

    /// Runs a tmux client (posix_spawn and waitpid: a new session forks a
    /// server that lives on, so nothing may wait for its output to close).
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capture ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ) == 0 else {
            throw TestFailure("tmux cannot be started")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw TestFailure("tmux \(arguments.first ?? "") failed") }
        return capture ? (try String(contentsOf: output, encoding: .utf8)) : ""
    }
}
