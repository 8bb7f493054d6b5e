import AtelierCore

/// `atelier store copy FROM TO`: every session of one store into another,
/// of either kind. Idempotent: a session already in the target with the
/// same journal is skipped; one that differs refuses the whole copy before
/// anything is written. Each copied session is checked: both sides fold to
/// the same summary from the same events.
public enum StoreCopy {
    public struct Outcome: Sendable, Hashable {
        /// Sessions copied, oldest first.
        public let copied: [String]
        /// Sessions the target already held, the same.
        public let skipped: [String]
    }

    public static func copy(from source: any JournalStore, to target: any JournalStore) throws(StoreError) -> Outcome {
        let present = Set(try target.sessions().map(\.id))
        var recordings: [(id: String, text: String)] = []
        var skipped: [String] = []
        for summary in try source.sessions() {
            let text = try source.exportRecording(id: summary.id)
            guard present.contains(summary.id) else {
                recordings.append((summary.id, text))
                continue
            }
            guard try target.exportRecording(id: summary.id) == text else {
                throw StoreError(
                    "store.copy.differs",
                    [
                        "session": .text(summary.id), "from": .text(source.location),
                        "to": .text(target.location),
                    ])
            }
            skipped.append(summary.id)
        }
        for (id, text) in recordings {
            _ = try target.importRecording(text, file: id + ".jsonl", as: nil)
            let (theirs, ours) = (try source.load(id: id), try target.load(id: id))
            guard SessionSummary(theirs) == SessionSummary(ours), try source.events(id: id) == target.events(id: id)
            else {
                throw StoreError("store.copy.mismatch", ["session": .text(id), "to": .text(target.location)])
            }
        }
        return Outcome(copied: recordings.map(\.id), skipped: skipped)
    }
}
