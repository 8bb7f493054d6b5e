import AtelierCore

/// The REPL's copy of the session, folded from the live session's writes
/// (`LiveSession.follow()`) in the order they were accepted, so that each
/// event is read against the state it applied to.
actor Mirror {
    private(set) var state: SessionState
    private var waiting: [(seq: Int64, continuation: CheckedContinuation<SessionState, Never>)] = []
    /// The last event whose batch the REPL has finished with (lines printed,
    /// completion updated): `state(after:)` waits for this, not for the fold.
    private var released: Int64

    init(_ state: SessionState) {
        self.state = state
        self.released = state.lastSeq
    }

    /// Starts from the state `follow()` returned with its writes.
    func start(from state: SessionState) {
        self.state = state
        release()
    }

    /// Folds a batch and returns the state before it and its events.
    func fold(_ batch: [RecordedEvent]) -> (before: SessionState, events: [RecordedEvent]) {
        let before = state
        for event in batch { state.apply(event) }
        return (before, batch)
    }

    /// Wakes those waiting for events now folded.
    func release() {
        released = state.lastSeq
        let ready = waiting.filter { $0.seq <= released }
        waiting.removeAll { $0.seq <= released }
        for waiter in ready { waiter.continuation.resume(returning: state) }
    }

    /// The state once the batch holding the event with this sequence number
    /// is folded and released.
    func state(after seq: Int64) async -> SessionState {
        if released >= seq { return state }
        return await withCheckedContinuation { waiting.append((seq, $0)) }
    }
}
