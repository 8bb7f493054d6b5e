import AtelierCore
import Foundation

/// `atelier-bench analysis [--iterations N]`: the full analysis recompute
/// (`Analysis.of`) on two synthetic sessions, timed over N runs (default 30)
/// after one warm-up run.
///   1. 10,000 raters × 20 rating items (100 departments, each with 99
///      participants and its own voice; every rater rates every item, one in
///      ten changes an answer, and picks once). Target: ≤ 20 ms.
///   2. 200 departments' strategy graphs: every department declares a
///      strategy, knows about 10 others' and believes it shares with 5.
enum AnalysisBench {
    static func run(_ arguments: [String]) throws {
        var iterations = 30
        if let index = arguments.firstIndex(of: "--iterations"), index + 1 < arguments.count,
            let value = Int(arguments[index + 1]), value > 0
        {
            iterations = value
        }
        let workshop = syntheticWorkshop(items: 20)
        let raters = ratersSession(workshop, departments: 100, participantsPerDepartment: 99)
        report("10,000 raters × 20 items", raters, iterations: iterations)
        let graph = strategySession(workshop, departments: 200, knows: 10, shares: 5)
        report("200 departments' strategy graphs", graph, iterations: iterations)
    }

    /// Prints wall-clock and CPU (this thread's) milliseconds per run: on a
    /// shared machine the CPU time is the figure that does not depend on the
    /// other processes.
    static func report(_ name: String, _ state: SessionState, iterations: Int) {
        var analysis = Analysis.of(state)
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<iterations {
            let (wallStart, cpuStart) = (now(CLOCK_MONOTONIC), now(CLOCK_THREAD_CPUTIME_ID))
            analysis = Analysis.of(state)
            cpu.append(now(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
            wall.append(now(CLOCK_MONOTONIC) - wallStart)
        }
        let summary = { (values: [Double]) -> String in
            let sorted = values.sorted()
            return [sorted[0], sorted[sorted.count / 2], sorted[sorted.count - 1]]
                .map { String(format: "%.2f", $0) }.joined(separator: " / ")
        }
        print(
            "\(name): \(state.eventCount) events, \(analysis.silos.count) silo findings; Analysis.of over "
                + "\(iterations) runs, min / median / max: wall \(summary(wall)) ms, CPU \(summary(cpu)) ms")
    }

    /// Milliseconds on a clock.
    static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    static func text(_ value: String) -> LocalizedText { LocalizedText(["en": value, "fr": value]) }

    /// A workshop of `items` rating items in stages of five on a 0...4 scale,
    /// one pick stage, a strategy stage and a three-level maturity model.
    static func syntheticWorkshop(items: Int) -> Workshop {
        let scale = Scale(id: "five", min: 0, max: 4, labels: (0...4).map { text("point \($0)") })
        var stages: [Stage] = []
        for first in stride(from: 0, to: items, by: 5) {
            let stageItems = (first..<min(items, first + 5)).map { index in
                Item(id: "item\(index)", label: text("Item \(index)"), description: nil, example: nil)
            }
            stages.append(
                Stage(
                    id: "rating\(first / 5)", kind: .rating, title: text("Ratings \(first / 5)"), prompt: text("Rate"),
                    scale: "five", items: stageItems, options: []))
        }
        let options = (0..<4).map { Option(id: "option\($0)", label: text("Option \($0)")) }
        stages.append(
            Stage(
                id: "position", kind: .pick, title: text("Pick"), prompt: text("Pick"), scale: nil, items: [],
                options: options))
        stages.append(
            Stage(
                id: "strategy", kind: .strategy, title: text("Strategy"), prompt: text("Say"), scale: nil, items: [],
                options: []))
        let levels = [
            MaturityLevel(id: "low", label: text("Low"), description: text("Low"), recommendation: nil, conditions: []),
            MaturityLevel(
                id: "middle", label: text("Middle"), description: text("Middle"), recommendation: nil,
                conditions: [.rating(item: "item0", atLeast: nil, atMost: 2), .strategy(.declared)]),
            MaturityLevel(
                id: "high", label: text("High"), description: text("High"), recommendation: nil,
                conditions: [
                    .rating(item: "item1", atLeast: 2, atMost: nil),
                    .pick(stage: "position", among: ["option0"], negated: true), .strategy(.shared),
                ]),
        ]
        return Workshop(
            id: "synthetic", version: 1, languages: ["en", "fr"], title: text("Synthetic"), intro: text("Synthetic"),
            scales: [scale], stages: stages, analysis: AnalysisSettings(consensusIQR: 1, divergence: 1),
            maturity: MaturityModel(levels: levels), recommendations: [:])
    }

    /// Folds events straight into a state (the benchmark times the analysis,
    /// not the rules).
    struct Builder {
        var state: SessionState
        var seq: Int64 = 0
        mutating func add(_ event: Event) {
            seq += 1
            state.apply(RecordedEvent(seq: seq, time: seq, actor: .facilitator, event: event))
        }
    }

    static func ratersSession(_ workshop: Workshop, departments: Int, participantsPerDepartment: Int) -> SessionState {
        var builder = Builder(state: SessionState(id: "bench", workshop: workshop))
        var raters: [Rater] = []
        for department in 0..<departments {
            builder.add(.departmentAdded(id: "dept\(department)", name: "Department \(department)"))
            raters.append(.department("dept\(department)"))
            for person in 0..<participantsPerDepartment {
                let name = "p\(department)-\(person)"
                builder.add(.participantJoined(name: name, department: "dept\(department)"))
                raters.append(.participant(name))
            }
        }
        for (index, (stage, item)) in workshop.ratingItems.enumerated() {
            for (number, rater) in raters.enumerated() {
                let draw = mix(number, index)
                let value = draw % 5
                builder.add(.rated(rater: rater, stage: stage.id, item: item.id, value: value))
                if draw / 5 % 10 == 0 {
                    builder.add(.rated(rater: rater, stage: stage.id, item: item.id, value: (value + 1) % 5))
                }
            }
        }
        for (number, rater) in raters.enumerated() {
            builder.add(.picked(rater: rater, stage: "position", option: "option\(mix(number, -1) % 4)"))
        }
        for department in stride(from: 0, to: departments, by: 2) {
            builder.add(.strategyDeclared(department: "dept\(department)", text: "a plan"))
        }
        return builder.state
    }

    static func strategySession(_ workshop: Workshop, departments: Int, knows: Int, shares: Int) -> SessionState {
        var builder = Builder(state: SessionState(id: "graph", workshop: workshop))
        for department in 0..<departments {
            builder.add(.departmentAdded(id: "dept\(department)", name: "Department \(department)"))
            builder.add(
                .rated(rater: .department("dept\(department)"), stage: "rating0", item: "item0", value: department % 5))
            builder.add(
                .picked(rater: .department("dept\(department)"), stage: "position", option: "option\(department % 4)"))
        }
        for department in 0..<departments {
            builder.add(.strategyDeclared(department: "dept\(department)", text: "a plan"))
            var known = Set<Int>()
            var draw = 0
            while known.count < knows {
                draw += 1
                let other = mix(department, draw) % departments
                guard other != department, known.insert(other).inserted else { continue }
                builder.add(.knowsDeclared(department: "dept\(department)", other: "dept\(other)"))
            }
            var shared = Set<Int>()
            while shared.count < shares {
                draw += 1
                let other = mix(department, draw) % departments
                guard other != department, shared.insert(other).inserted else { continue }
                builder.add(.sharesDeclared(department: "dept\(department)", other: "dept\(other)"))
            }
        }
        return builder.state
    }

    /// A well-mixed number from two integers (the finalizer of SplitMix64):
    /// varied answers without a generator's state.
    static func mix(_ a: Int, _ b: Int) -> Int {
        var z = UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: b)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
