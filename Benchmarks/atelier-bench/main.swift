// Benchmarks, run in release mode: `swift run -c release atelier-bench NAME`.
// Figures go to docs/performance.md.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
// The benchmarks read the repository's workshop and locale files.
guard FileManager.default.fileExists(atPath: "workshops/coping-patterns.yaml") else {
    print("atelier-bench: run it from the repository's root folder (it reads workshops/ and locales/)")
    exit(2)
}
switch arguments.first {
case "store": try await StoreBench.run(Array(arguments.dropFirst()))
case "analysis": try AnalysisBench.run(Array(arguments.dropFirst()))
case "net": try await NetBench.run(Array(arguments.dropFirst()))
case "web": try await WebBench.run(Array(arguments.dropFirst()))
default:
    print("usage: atelier-bench store|analysis|net|web [options]")
    exit(2)
}
