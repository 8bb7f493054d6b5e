import AtelierCore
import AtelierReplay
import Testing

@Suite struct ReplayScheduleTests {
    @Test func gapsAreCutToTheIdleLimitThenDividedByTheSpeed() {
        let times: [Timestamp] = [10_000, 10_000, 12_000, 70_000, 71_000]
        #expect(ReplaySchedule(times: times, speed: 1, maxIdle: nil).delays == [0, 0, 2000, 58_000, 1000])
        #expect(ReplaySchedule(times: times, speed: 2, maxIdle: 5).delays == [0, 0, 1000, 2500, 500])
        #expect(ReplaySchedule(times: times, speed: 4, maxIdle: 0.5).total == 0 + 0 + 125 + 125 + 125)
    }

    @Test func aClockThatWentBackwardsWaitsNothing() {
        #expect(ReplaySchedule(times: [5000, 4000, 6000], speed: 1, maxIdle: nil).delays == [0, 0, 2000])
    }

    @Test func positionsAreTimesOrEventNumbers() {
        #expect(ReplayPosition("1:02:03") == .elapsed(milliseconds: 3_723_000))
        #expect(ReplayPosition("12:30") == .elapsed(milliseconds: 750_000))
        #expect(ReplayPosition("42") == .sequence(42))
        for bad in ["", "1:60", "1::2", "-3", "a:10", "1:2:3:4", "１２"] {
            #expect(ReplayPosition(bad) == nil, "\(bad)")
        }
    }

    @Test func aPositionCountsTheEventsThatHappenedByThen() {
        let events = [0, 1000, 1000, 5000].enumerated().map { index, offset in
            RecordedEvent(
                seq: Int64(index + 1), time: 50_000 + Int64(offset), actor: .facilitator, event: .sessionEnded)
        }
        #expect(ReplayPosition.elapsed(milliseconds: 0).prefixLength(of: events) == 1)
        #expect(ReplayPosition.elapsed(milliseconds: 1000).prefixLength(of: events) == 3)
        #expect(ReplayPosition.elapsed(milliseconds: 60_000).prefixLength(of: events) == 4)
        #expect(ReplayPosition.sequence(2).prefixLength(of: events) == 2)
        #expect(ReplayPosition.sequence(0).prefixLength(of: events) == 0)
    }
}
