extension SessionState {
    /// Decides the command and applies its events, numbered after the last
    /// one and stamped with the command's time: a session without a journal
    /// (tests, benchmarks). Returns the events as recorded; on a refusal
    /// nothing changes.
    @discardableResult
    public mutating func execute(_ command: Command) throws(DomainError) -> [RecordedEvent] {
        let events = try decide(command)
        return events.map { event in
            let recorded = RecordedEvent(
                seq: lastSeq + 1, time: command.time, actor: command.recordedActor(of: event), event: event)
            apply(recorded)
            return recorded
        }
    }
}
