import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierNet
import AtelierTerminal
import Foundation

struct JoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a live session as a participant, from your own terminal.",
        discussion: """
            The facilitator's screen shows the address and the join code. Type help once in; Tab completes \
            the current stage's items and options. If the connection drops, the client reconnects and resumes.
            """
    )

    @Argument(help: "The session's HOST:PORT, as the facilitator shows it.")
    var address: String

    @ArgumentParser.Option(help: "The join code the facilitator shows (6 characters).")
    var code: String

    @ArgumentParser.Option(help: "Your name in the session (in quotes if it has spaces: \"Jean Dupont\").")
    var name: String

    @ArgumentParser.Option(help: "The id of your department (the facilitator lists them).")
    var department: String

    @OptionGroup var language: LanguageOption

    func validate() throws {
        _ = try checkedAddress(CLI(locale: language.locale))
    }

    /// The address; each of code, name and department must be one word of the protocol's join line.
    private func checkedAddress(_ cli: CLI) throws -> NetAddress {
        guard let parsed = NetAddress.parse(address, defaultHost: nil) else {
            try cli.refuse(LocalizedMessage("net.cli.bad_join_address", ["address": .text(address)]))
        }
        // Each goes as one word of the protocol's join line; the name, quoted,
        // may hold spaces (`--name "Jean Dupont"`), and the room judges it.
        let spaced = [("--code", code, false), ("--name", name, true), ("--department", department, false)]
        for (option, value, spaces) in spaced
        where value.isEmpty || value.contains(where: { $0.isWhitespace && !(spaces && $0 == " ") }) {
            try cli.refuse(LocalizedMessage("net.cli.one_word", ["option": .text(option), "value": .text(value)]))
        }
        return parsed
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let address = try checkedAddress(cli)
        let request = JoinRequest(
            address: address, code: code, name: name, department: department, locale: cli.catalog.language)
        let tokens = JoinTokens(
            folder: XDGPaths().joinTokens, host: address.host, port: address.port, code: code, name: name)
        let end: ParticipantClient.End
        if isatty(STDIN_FILENO) != 0 {
            let editor = LineEditor(name: "atelier-join", historyPath: nil)
            let screen = TerminalWidth(measuring: STDOUT_FILENO)
            let name = name
            let prompt = { @Sendable (stage: String) in stage.isEmpty ? "\(name)> " : "\(name)[\(stage)]> " }
            let client = ParticipantClient(
                request: request, catalog: cli.catalog, languages: cli.locales.languages,
                keptToken: tokens.read(), keepToken: tokens.keep, width: { screen.current },
                stageChanged: { editor.setPrompt(prompt($0)) },
                show: { editor.print($0) })
            editor.setCompleter { .words(client.complete($0)) }
            editor.start()
            end = await client.run { await editor.next(prompt: prompt(client.stage)) }
            await editor.stop()
        } else {
            let lines = StreamLines()
            let client = ParticipantClient(
                request: request, catalog: cli.catalog, languages: cli.locales.languages, keptToken: tokens.read(),
                keepToken: tokens.keep
            ) { cli.say(line: $0) }
            end = await client.run { await lines.next(prompt: "") }
        }
        switch end {
        case .sessionEnded, .paused, .left: return
        case .removed, .refused, .unreachable: throw ExitCode.failure
        }
    }
}
