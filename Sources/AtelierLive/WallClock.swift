import AtelierCore
import Foundation

/// The program's one wall clock: the time each command is stamped with, in
/// the REPL and in the room (the core reads no clock; tests pass their own).
public enum WallClock {
    /// Milliseconds since the epoch, from the system's wall clock.
    @Sendable public static func now() -> Timestamp {
        Timestamp((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
