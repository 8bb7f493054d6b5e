enum AnalysisBench {
    static func run(_ arguments: [String]) throws {
        print("not written yet")
    }
}
