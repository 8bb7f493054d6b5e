// The crash test's child: appends events to a session of a store, in batches
// of 1 to 3 events per transaction, and writes `ack SEQ` (the batch's last
// sequence number) to stdout after each commit, until it is killed. It says
// `ready` once the store is open, so the parent's random delay counts from
// the first append, not from a start-up that a loaded machine stretches.
// Usage: atelier-crashchild STORE SESSION (STORE: an SQLite path or postgres://...)
import AtelierCore
import AtelierPostgres
import AtelierStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: atelier-crashchild STORE SESSION\n".utf8))
    exit(2)
}

/// Straight to the pipe, unbuffered: the parent must see every line at once.
func say(_ text: String) {
    let line = Array(text.utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

do {
    let store: any JournalStore =
        PostgresAddress.names(arguments[1])
        ? try PostgresStore(address: PostgresAddress(arguments[1])) : try SessionStore(path: arguments[1])
    let session = arguments[2]
    var state = try store.load(id: session)
    var batch = state.lastSeq
    say("ready\n")
    while true {
        batch += 1
        let size = Int(batch % 3) + 1
        let events = (1...size).map { index in
            PendingEvent(
                time: 1_714_550_400_000 + batch, actor: .facilitator,
                event: .noteAdded(stage: state.currentStage, text: "batch \(batch): \(index)/\(size)"))
        }
        let summary = state.summary(after: events)
        for event in try store.append(session: session, after: state.lastSeq, events, reaching: summary) {
            state.apply(event)
        }
        say("ack \(state.lastSeq)\n")
    }
} catch {
    FileHandle.standardError.write(Data("atelier-crashchild: \(error)\n".utf8))
    exit(1)
}
