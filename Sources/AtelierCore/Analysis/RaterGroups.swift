/// Which department each rater speaks for. A department's raters are its
/// participants (present or gone: their last answers still count) and its own
/// voice. Raters of a department that is no longer in the session (undone) are
/// left out, of the department and of the company alike.
struct RaterGroups {
    /// The departments present, in the order they were added.
    let departments: [Department]
    private let departmentIndex: [String: Int]
    private let participantIndex: [String: Int]

    init(_ state: SessionState) {
        departments = state.departments
        var departmentIndex: [String: Int] = [:]
        for (index, department) in departments.enumerated() { departmentIndex[department.id] = index }
        var participantIndex: [String: Int] = [:]
        for name in state.participantOrder {
            if let department = state.participants[name]?.department, let index = departmentIndex[department] {
                participantIndex[name] = index
            }
        }
        self.departmentIndex = departmentIndex
        self.participantIndex = participantIndex
    }

    /// The index in `departments` of the rater's department.
    func group(of rater: Rater) -> Int? {
        switch rater {
        case .participant(let name): return participantIndex[name]
        case .department(let id): return departmentIndex[id]
        }
    }

    func index(of department: String) -> Int? { departmentIndex[department] }

    /// Participants of each department, in the order they joined.
    func participants(_ state: SessionState) -> [[String]] {
        var result = [[String]](repeating: [], count: departments.count)
        for name in state.participantOrder {
            if let index = participantIndex[name] { result[index].append(name) }
        }
        return result
    }
}
