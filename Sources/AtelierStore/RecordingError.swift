import AtelierCore

/// What is wrong in a recording, and where: renders as `FILE:LINE: problem`.
public struct RecordingError: Error, Sendable, Hashable {
    public let file: String
    public let line: Int
    public let problem: LocalizedMessage

    public init(file: String, line: Int, problem: LocalizedMessage) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var message: LocalizedMessage {
        LocalizedMessage(
            "store.recording.error", ["file": .text(file), "line": .text("\(line)"), "problem": .message(problem)])
    }
}
