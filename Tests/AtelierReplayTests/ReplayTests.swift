import AtelierCore
import AtelierExport
import AtelierReplay
import AtelierStore
import AtelierTerminal
import AtelierTestFixtures
import Testing

/// The replay shows the session as it was: its `--at` state is the fold of
/// the journal up to that moment, and its transcript has a line per event.
@Suite struct ReplayTests {
    let session: LoadedSession
    let catalog: Catalog

    init() throws {
        let path = "recordings/coping-patterns-demo.jsonl"
        let (header, events) = try Recording.read(try Fixtures.text(path), file: path)
        session = LoadedSession(id: header.session, workshop: header.workshop, events: events)
        catalog = try Fixtures.catalog("en")
    }

    @Test(arguments: ["0:00:00", "0:10:30", "0:39:47", "1:00:00", "9:00:00", "1", "60", "120", "166", "500"])
    func atAMomentTheStateIsTheFoldUpToThen(moment: String) throws {
        let position = try #require(ReplayPosition(moment))
        let start = session.events[0].time
        // The events up to the moment, chosen here from the journal directly.
        let expected: [RecordedEvent]
        switch position {
        case .sequence(let seq): expected = session.events.filter { $0.seq <= seq }
        case .elapsed(let ms): expected = session.events.filter { $0.time - start <= ms }
        }
        let folded = SessionState.fold(id: session.id, workshop: session.workshop, events: expected)
        var cursor = ReplayCursor(session)
        cursor.advance(to: position.prefixLength(of: session.events))
        #expect(cursor.position == expected.count)
        #expect(cursor.state.lastSeq == folded.lastSeq)
        #expect(cursor.state.currentStage == folded.currentStage)
        let summary = { (state: SessionState) in
            Exporter.render(format: .json, state: state, catalog: self.catalog)
        }
        #expect(summary(cursor.state) == summary(folded))
        let transcript = ReplayTranscript(session: session, context: TerminalContext(catalog: catalog))
        let snapshot = transcript.snapshot(count: expected.count)
        let analysis = Analysis.of(folded, language: "en")
        let silos = SilosView.lines(analysis: analysis, state: folded, context: TerminalContext(catalog: catalog))
        #expect(Array(snapshot.suffix(silos.count)) == silos)
    }

    @Test func theTranscriptHasALinePerEventAndTheTalliesAtEachReveal() throws {
        let transcript = ReplayTranscript(session: session, context: TerminalContext(catalog: catalog))
        let lines = transcript.all()
        let stamped = lines.filter { $0.hasPrefix("[") }
        #expect(stamped.count == session.events.count)
        // An event's line wraps under its text, within the 80 columns.
        #expect(
            Array(lines.prefix(2)) == [
                "[0:00:00] session demo-2025-03-13 started: Facing social media: four reflexes",
                "          and three brakes",
            ])
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(stamped.last?.hasPrefix("[1:13:00] ") == true)
        // The reveal of the first rating stage is followed by its tally as the room saw it then.
        let reveal = try #require(session.events.firstIndex { $0.event == .stageRevealed(stage: "ignore") })
        let after = session.state(after: reveal + 1)
        let stage = try #require(session.workshop.stage("ignore"))
        // Indented by 4, in the 76 columns left.
        let tally = TallyView.lines(
            stage: stage, analysis: Analysis.of(after, language: "en"), state: after,
            context: TerminalContext(catalog: catalog, width: 76))
        let revealLine = try #require(lines.firstIndex { $0.hasSuffix("the results of stage ignore are revealed") })
        let shown = Array(lines[(revealLine + 1)...].prefix(tally.count))
        #expect(shown == tally.map { $0.isEmpty ? $0 : "    " + $0 })
    }

    @Test func theDemoPaceKeepsItBrisk() {
        // `atelier demo` plays at 40× with pauses cut to 8 s: under a minute.
        let schedule = ReplaySchedule(events: session.events, speed: 40, maxIdle: 8)
        #expect(schedule.total < 60_000)
        #expect(schedule.delays.max() == 200)
    }
}
