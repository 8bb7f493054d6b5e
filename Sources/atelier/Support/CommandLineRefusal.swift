import ArgumentParser
import AtelierCore
import AtelierFiles
import Foundation

/// A command line refused, said in the reader's language: ArgumentParser
/// would print its English `Error: `, `Usage: ` and `See '… --help'` around
/// our sentence, and its own refusals (an unknown option, a missing value)
/// in English. Here the sentence follows `cli.refusal.error`, ArgumentParser's
/// own refusals are worded from `cli.refusal.*`, the usage keeps its
/// synopsis under a localized label, and the exit status stays 64.
enum CommandLineRefusal {
    /// Ends the program for `error`: a refusal (exit 64) is said here; help,
    /// `--version` and the other exits are ArgumentParser's.
    static func exit(
        _ error: any Error, arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Never {
        guard Atelier.exitCode(for: error) == .validationFailure else { Atelier.exit(withError: error) }
        let catalog = LocaleLibrary().catalog(explicit: locale(in: arguments), environment: environment)
        let text = lines(
            message: Atelier.message(for: error), full: Atelier.fullMessage(for: error), catalog: catalog)
        FileHandle.standardError.write(Data((text.joined(separator: "\n") + "\n").utf8))
        Atelier.exit(withError: ExitCode.validationFailure)
    }

    /// The refusal's lines: the sentence, then the usage and where to read more.
    static func lines(message: String, full: String, catalog: Catalog) -> [String] {
        var out = [catalog.text("cli.refusal.error", ["message": .text(own(message, catalog))])]
        let rest = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = rest.firstIndex(where: { $0.hasPrefix(usagePrefix) }) else { return out }
        let label = catalog.text("cli.refusal.usage", ["usage": .text("")])
        let indent = String(repeating: " ", count: label.count)
        for line in rest[start...] where !line.isEmpty {
            if line.hasPrefix(usagePrefix) {
                out.append(label + line.dropFirst(usagePrefix.count))
            } else if let command = helpCommand(line) {
                out.append("  " + catalog.text("cli.refusal.see_help", ["command": .text(command)]))
            } else if line.hasPrefix(String(repeating: " ", count: usagePrefix.count)) {
                out.append(indent + line.dropFirst(usagePrefix.count))
            } else {
                out.append(line)
            }
        }
        return out
    }

    private static let usagePrefix = "Usage: "

    /// `atelier export --help` in `  See 'atelier export --help' for more information.`
    private static func helpCommand(_ line: String) -> String? {
        guard let match = line.wholeMatch(of: #/  See '(.+)' for more information\./#) else { return nil }
        return String(match.1)
    }

    /// ArgumentParser's own refusals in the reader's words; ours (from
    /// `validate()`) are already in them.
    static func own(_ message: String, _ catalog: Catalog) -> String {
        if let match = message.wholeMatch(of: /Unknown option '(.+)'/) {
            return catalog.text("cli.refusal.unknown_option", ["option": .text(String(match.1))])
        }
        if let match = message.wholeMatch(of: /Missing value for '(.+)'/) {
            return catalog.text("cli.refusal.missing_value", ["option": .text(String(match.1))])
        }
        if let match = message.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return catalog.text("cli.refusal.missing_argument", ["argument": .text(String(match.1))])
        }
        if let match = message.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return catalog.text("cli.refusal.unexpected", ["arguments": .text(String(match.1))])
        }
        if let match = message.wholeMatch(of: /\d+ unexpected arguments: '(.+)'/) {
            let words = match.1.split(separator: "', '").map(String.init)
            return catalog.text("cli.refusal.unexpected", ["arguments": .list(words)])
        }
        if let match = message.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'(?s:.*)/) {
            return catalog.text(
                "cli.refusal.invalid_value", ["value": .text(String(match.1)), "option": .text(String(match.2))])
        }
        return message
    }

    /// The `--locale` given on the command line, if any.
    static func locale(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--locale", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--locale=") { return String(argument.dropFirst("--locale=".count)) }
        }
        return nil
    }
}
