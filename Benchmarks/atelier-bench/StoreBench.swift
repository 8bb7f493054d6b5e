enum StoreBench {
    static func run(_ arguments: [String]) throws {
        print("not written yet")
    }
}
