import Foundation

/// Runs blocking work (waiting for a process) on a thread of its own, so
/// that the few threads Swift concurrency shares between all the tests in
/// the process are never held up.
enum OffThread {
    @discardableResult
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
