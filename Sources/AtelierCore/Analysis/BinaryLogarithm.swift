// The C library's log2, and nothing else from it: the Swift standard library
// has no logarithm, and the core imports no Foundation. A scoped import keeps
// the rest of the C library (files, clocks) out of the core.
#if canImport(Glibc)
    import func Glibc.log2
#elseif canImport(Musl)
    import func Musl.log2
#elseif canImport(Darwin)
    import func Darwin.log2
#endif

/// log2(x) for x > 0.
func binaryLogarithm(_ x: Double) -> Double {
    log2(x)
}
