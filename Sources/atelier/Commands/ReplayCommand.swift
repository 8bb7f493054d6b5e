import ArgumentParser
import AtelierCore
import AtelierReplay
import AtelierTerminal
import Foundation

/// `atelier replay SESSION|FILE.jsonl [--speed N] [--max-idle SECONDS] [--step] [--at TIME|SEQ]`:
/// plays a stored session or a recording back as the facilitator saw it, or
/// prints the state and the analysis at one moment.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a stored session or a recording back."
    )

    @OptionGroup var source: SessionReference

    @ArgumentParser.Option(name: .long, help: "Pace: 2 plays twice as fast as it happened (default 1).")
    var speed: String?

    @ArgumentParser.Option(name: .customLong("max-idle"), help: "Cut pauses longer than this many seconds.")
    var maxIdle: String?

    @Flag(name: .long, help: "Wait for Enter at each stage change.")
    var step = false

    @ArgumentParser.Option(name: .long, help: "Show the state at a moment: elapsed H:MM:SS, or an event number.")
    var at: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let cli = try CLI(locale: language.locale)
        _ = try ReplayPace.parse(speed: speed, maxIdle: maxIdle, cli: cli)
        _ = try position(cli)
    }

    /// `--at`, checked.
    private func position(_ cli: CLI) throws -> ReplayPosition? {
        guard let at else { return nil }
        guard let position = ReplayPosition(at) else {
            try cli.refuse(LocalizedMessage("replay.bad_at", ["value": .text(at)]))
        }
        return position
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let pace = try ReplayPace.parse(speed: speed, maxIdle: maxIdle, cli: cli)
        let position = try position(cli)
        let loaded = try source.load(cli)
        let transcript = ReplayTranscript(session: loaded, context: ReplayPace.context(cli))
        if let position, let at {
            if position.isPastEnd(of: loaded.events) {
                for line in transcript.pastEnd(asked: at) + [""] { cli.say(line: line) }
            }
            for line in transcript.snapshot(count: position.prefixLength(of: loaded.events)) { cli.say(line: line) }
            return
        }
        let schedule = ReplaySchedule(events: loaded.events, speed: pace.speed, maxIdle: pace.maxIdle)
        ReplayPlayer(transcript: transcript, schedule: schedule, step: step)
            .play(hint: cli.text(LocalizedMessage(step ? "replay.hint_step" : "replay.hint")))
    }
}

/// `--speed` and `--max-idle`, checked with a localized message.
struct ReplayPace {
    let speed: Double
    let maxIdle: Double?

    static func parse(
        speed: String?, maxIdle: String?, cli: CLI, defaultSpeed: Double = 1
    ) throws -> ReplayPace {
        var value = defaultSpeed
        if let speed {
            guard let number = Double(speed), number.isFinite, number > 0, number <= 10_000 else {
                try cli.refuse(LocalizedMessage("replay.bad_speed", ["value": .text(speed)]))
            }
            value = number
        }
        var idle: Double?
        if let maxIdle {
            guard let number = Double(maxIdle), number.isFinite, number >= 0 else {
                try cli.refuse(LocalizedMessage("replay.bad_max_idle", ["value": .text(maxIdle)]))
            }
            idle = number
        }
        return ReplayPace(speed: value, maxIdle: idle)
    }

    static var style: Style {
        Style.forTerminal(isTerminal: ReplayPlayer.stdoutIsTerminal, environment: ProcessInfo.processInfo.environment)
    }

    /// The reader's catalog, colours on a terminal, and the terminal's width (80 without one).
    static func context(_ cli: CLI) -> TerminalContext {
        TerminalContext(catalog: cli.catalog, style: style, width: TerminalWidth.measure(STDOUT_FILENO))
    }
}
