import AtelierCore

/// What can go wrong at the file edge: finding, reading and writing files.
/// Each case renders as one localized sentence through `message`.
public enum FilesError: Error, Sendable, Equatable {
    /// No workshop has this id (or this path does not exist); `known` lists the ids found.
    case workshopNotFound(String, known: [String])
    /// The workshop file exists but has problems (`atelier validate` shows them).
    case invalidWorkshop(path: String, problems: [FileProblem])
    /// A file could not be read; `reason` comes from the system error.
    case unreadable(path: String, reason: SystemReason)
    /// The file is not UTF-8 text.
    case notText(path: String)
    /// The target exists and replacing it was not allowed.
    case alreadyExists(path: String)
    /// A file or folder could not be written; nothing was left half-written.
    case writeFailed(path: String, reason: SystemReason)
    /// A file name inside an exported folder is not a plain name.
    case badFileName(String)

    public var message: LocalizedMessage {
        switch self {
        case .workshopNotFound(let reference, let known):
            return LocalizedMessage(
                "files.workshop_not_found", ["workshop": .text(reference), "known": .list(known)])
        case .invalidWorkshop(let path, let problems):
            return LocalizedMessage(
                "files.invalid_workshop", ["path": .text(path), "count": .count(problems.count)])
        case .unreadable(let path, let reason):
            return LocalizedMessage("files.unreadable", ["path": .text(path), "reason": .message(reason.message)])
        case .notText(let path):
            return LocalizedMessage("files.not_text", ["path": .text(path)])
        case .alreadyExists(let path):
            return LocalizedMessage("files.already_exists", ["path": .text(path)])
        case .writeFailed(let path, let reason):
            return LocalizedMessage("files.write_failed", ["path": .text(path), "reason": .message(reason.message)])
        case .badFileName(let name):
            return LocalizedMessage("files.bad_file_name", ["name": .text(name)])
        }
    }
}
