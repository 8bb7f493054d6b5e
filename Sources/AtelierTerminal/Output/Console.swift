import Foundation
import Synchronization

/// Where the REPL's lines go: through the line editor on a terminal (above
/// the prompt when one is shown), to stdout and stderr for a script, or to
/// memory in tests. Safe from any thread; lines keep their order.
public final class Console: Sendable {
    public enum Sink: Sendable {
        case editor(LineEditor)
        /// Results to one file descriptor, errors to another, each line
        /// written at once (nothing waits in a buffer).
        case streams(output: Int32, errors: Int32)
        case memory
    }

    public let style: Style
    /// Pages output taller than the screen (a terminal's console only).
    public let pager: Pager?
    /// The screen's width, when the lines go to a screen: a line wider than
    /// it (a notice, a refusal, a participant's note) is word-wrapped to it
    /// as the views wrap their text (French ` ;` ` :` `« »` kept with their
    /// word), keeping its indent. Views fit their tables to the width
    /// themselves. Nil for a script or a pipe: lines as they are.
    public let width: TerminalWidth?
    private let sink: Sink
    private let recorded = Mutex<[String]>([])
    private let quietFlag = Atomic<Bool>(false)

    public init(_ sink: Sink, style: Style = .plain, pager: Pager? = nil, width: TerminalWidth? = nil) {
        self.sink = sink
        self.style = style
        self.pager = pager
        self.width = width
    }

    /// Activity from elsewhere (participants) is not shown while quiet.
    public var quiet: Bool {
        get { quietFlag.load(ordering: .relaxed) }
        set { quietFlag.store(newValue, ordering: .relaxed) }
    }

    public func line(_ text: String) { write(text, error: false) }

    public func lines(_ texts: [String]) {
        guard !texts.isEmpty else { return }
        write(texts.joined(separator: "\n"), error: false)
    }

    public func error(_ text: String) { write(text, error: true) }

    /// A command's output: through the pager when it is taller than the
    /// terminal, else as `lines`. Returns once the pager has ended.
    public func page(_ texts: [String]) async {
        let texts = width == nil ? texts : texts.map(fitted)
        let rows = texts.reduce(0) { $0 + $1.split(separator: "\n", omittingEmptySubsequences: false).count }
        guard case .editor(let editor) = sink, let pager, pager.pages(lines: rows) else {
            lines(texts)
            return
        }
        await editor.page(texts.joined(separator: "\n") + "\n", with: pager)
    }

    /// Clears the terminal's screen; nothing for a script or in memory.
    public func clearScreen() {
        if case .editor(let editor) = sink { editor.clearScreen() }
    }

    /// Something that happened elsewhere (a participant's answer...).
    public func activity(_ text: String) {
        guard !quiet else { return }
        write(text, error: false)
    }

    /// What a memory console received; errors start with `! `.
    public var transcript: [String] { recorded.withLock { $0 } }

    /// `text` with each line wider than the screen wrapped to it.
    private func fitted(_ text: String) -> String {
        guard let columns = width?.current, columns > 0 else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { AnalysisLayout.visibleCount(String($0)) > columns }) else { return text }
        return lines.flatMap { line -> [String] in
            let line = String(line)
            guard AnalysisLayout.visibleCount(line) > columns else { return [line] }
            let indent = line.prefix { $0 == " " }.count
            return AnalysisLayout.wrap(String(line.dropFirst(indent)), width: columns, indent: indent)
        }.joined(separator: "\n")
    }

    private func write(_ text: String, error: Bool) {
        let text = fitted(text)
        switch sink {
        case .editor(let editor):
            editor.print(error ? style.red(text) : text)
        case .streams(let output, let errors):
            let data = Data((text + "\n").utf8)
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(
                        error ? errors : output, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        case .memory:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { (error ? "! " : "") + $0 }
            recorded.withLock { $0 += lines }
        }
    }
}
