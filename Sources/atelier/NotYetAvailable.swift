import Foundation

/// For the subcommands a later issue fills in.
enum NotYetAvailable {
    static func exit(_ command: String) -> Never {
        FileHandle.standardError.write(Data("atelier \(command): not available yet\n".utf8))
        Foundation.exit(2)
    }
}
