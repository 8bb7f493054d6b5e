import ArgumentParser
import AtelierCore
import AtelierExport
import AtelierFiles
import AtelierReplay
import AtelierResources
import AtelierStore
import AtelierTerminal
import Foundation

/// `atelier demo`: the bundled recording of a coping-patterns workshop played
/// briskly, then its consensus summary in Markdown. The recording is in the
/// reader's language (French, or English for any other); `--save FILE`
/// writes it out instead, for `replay` and `export` from an installed atelier.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay a bundled example workshop and show its summary."
    )

    static let recording = "coping-patterns-demo.jsonl"
    static let englishRecording = "coping-patterns-demo-en.jsonl"

    /// The bundled recording for a language: the French one in French, the English one otherwise.
    static func recording(for language: String) -> String { language == "fr" ? recording : englishRecording }
    /// About half a minute for the 73-minute session (docs/export-formats.md).
    static let speed = 40.0
    static let maxIdle = 8.0

    @ArgumentParser.Option(name: .long, help: "Pace (default 40 times as fast as it happened).")
    var speed: String?

    @ArgumentParser.Option(
        name: .long,
        help: ArgumentHelp("Write the demo's recording to this file instead of playing it.", valueName: "FILE"))
    var save: String?

    @Flag(help: "With --save, replace the file if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        _ = try pace(CLI(locale: language.locale))
    }

    private func pace(_ cli: CLI) throws -> ReplayPace {
        try ReplayPace.parse(speed: speed, maxIdle: String(Self.maxIdle), cli: cli, defaultSpeed: Self.speed)
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let name = Self.recording(for: cli.catalog.language)
        guard let file = BundledFiles.recordings.first(where: { $0.name == name }), let text = file.text
        else { try cli.fail(LocalizedMessage("replay.demo_missing", ["file": .text(name)])) }
        if let save {
            try cli.attempt { () throws(FilesError) in try AtomicFile.write(text, to: save, replace: force) }
            cli.say(LocalizedMessage("replay.demo_saved", ["file": .text(save)]))
            return
        }
        let pace = try pace(cli)
        let loaded = try cli.attempt(SessionSource.recording(text, file: name))
        let context = ReplayPace.context(cli)
        for line in context.wrap(cli.text(LocalizedMessage("replay.demo_intro"))) { cli.say(line: line) }
        let transcript = ReplayTranscript(session: loaded, context: context)
        let schedule = ReplaySchedule(events: loaded.events, speed: pace.speed, maxIdle: pace.maxIdle)
        let finished = ReplayPlayer(transcript: transcript, schedule: schedule, step: false)
            .play(hint: cli.text(LocalizedMessage("replay.hint")))
        guard finished else { return }
        cli.say(line: "")
        if case .file(let bytes) = Exporter.render(format: .md, state: loaded.state(), catalog: cli.catalog) {
            cli.say(line: String(decoding: bytes, as: UTF8.self))
        }
        cli.say(LocalizedMessage("replay.demo_next", ["file": .text("demo.jsonl")]))
    }
}
