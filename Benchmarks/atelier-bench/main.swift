// Benchmarks, run in release mode: `swift run -c release atelier-bench NAME`.
// Figures go to docs/performance.md.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "store": try StoreBench.run(Array(arguments.dropFirst()))
case "analysis": try AnalysisBench.run(Array(arguments.dropFirst()))
case "net": try await NetBench.run(Array(arguments.dropFirst()))
default:
    print("usage: atelier-bench store|analysis|net [options]")
    exit(2)
}
