enum NetBench {
    static func run(_ arguments: [String]) async throws {
        print("not written yet")
    }
}
