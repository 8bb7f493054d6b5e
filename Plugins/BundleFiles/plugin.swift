import Foundation
import PackagePlugin

/// Embeds the shipped `workshops/`, `locales/` and `recordings/` files, and
/// the browser pages' style and scripts (`Sources/AtelierWeb/Assets`, as
/// folder `web`), into the AtelierResources module at build time, so the `atelier` binary carries
/// them and works from any folder, even copied alone elsewhere. (SwiftPM's
/// `.copy` resources would copy the repository's folder symlinks as dangling
/// links.) The files stay in one place in the repository; nothing is duplicated.
@main
struct BundleFiles: BuildToolPlugin {
    /// Each embedded folder's name and its path in the repository.
    static let folders = [
        (name: "workshops", path: "workshops"), (name: "locales", path: "locales"),
        (name: "recordings", path: "recordings"), (name: "web", path: "Sources/AtelierWeb/Assets"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        for (folder, path) in Self.folders {
            let directory = root.appendingPathComponent(path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = directory.appendingPathComponent(name)
                inputs.append(file)
                arguments.append("\(folder)/\(name)=\(file.path)")
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) shipped files into \(target.name)",
                executable: try context.tool(named: "atelier-embed").url,
                arguments: [output.path] + arguments,
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
