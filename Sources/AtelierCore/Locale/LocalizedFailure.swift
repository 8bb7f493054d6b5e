/// An error a person reads: one sentence, rendered in the reader's language
/// by their catalog. The store's, the session's rules' and a session
/// source's errors all carry one, so an adapter shows any of them the same way.
public protocol LocalizedFailure: Error, Sendable {
    var message: LocalizedMessage { get }
}

extension DomainError: LocalizedFailure {}
