import AtelierCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the system refused a file operation, in words the locale files hold
/// (`strerror` would always speak English).
public enum SystemReason: Sendable, Equatable {
    case notFound
    case permissionDenied
    case noSpace
    case readOnly
    case isDirectory
    case notDirectory
    case other(Int32)

    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .permissionDenied
        case ENOSPC, EDQUOT: self = .noSpace
        case EROFS: self = .readOnly
        case EISDIR: self = .isDirectory
        case ENOTDIR: self = .notDirectory
        default: self = .other(code)
        }
    }

    /// The reason for the current `errno`.
    static var current: SystemReason { SystemReason(errno: errno) }

    public var message: LocalizedMessage {
        switch self {
        case .notFound: return LocalizedMessage("files.reason.not_found")
        case .permissionDenied: return LocalizedMessage("files.reason.permission_denied")
        case .noSpace: return LocalizedMessage("files.reason.no_space")
        case .readOnly: return LocalizedMessage("files.reason.read_only")
        case .isDirectory: return LocalizedMessage("files.reason.is_directory")
        case .notDirectory: return LocalizedMessage("files.reason.not_directory")
        case .other(let code): return LocalizedMessage("files.reason.other", ["code": .count(Int(code))])
        }
    }
}
