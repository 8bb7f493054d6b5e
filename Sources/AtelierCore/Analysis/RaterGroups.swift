/// Which department each rater speaks for. A department's raters are its
/// participants (present or gone: their last answers still count) and its own
/// voice. Raters of a department that is no longer in the session (undone) are
/// left out, of the department and of the company alike.
struct RaterGroups {
    /// The departments present, in the order they were added.
    let departments: [Department]
    private let departmentIndex: [String: Int]
    private let participantIndex: [String: Int]
    /// The participants of each department, in the order they joined.
    let participants: [[String]]

    init(_ state: SessionState) {
        departments = state.departments
        var departmentIndex: [String: Int] = [:]
        for (index, department) in departments.enumerated() { departmentIndex[department.id] = index }
        var participantIndex: [String: Int] = [:]
        participantIndex.reserveCapacity(state.participantOrder.count)
        var participants = [[String]](repeating: [], count: departments.count)
        for name in state.participantOrder {
            if let department = state.participants[name]?.department, let index = departmentIndex[department] {
                participantIndex[name] = index
                participants[index].append(name)
            }
        }
        self.departmentIndex = departmentIndex
        self.participantIndex = participantIndex
        self.participants = participants
    }

    /// The index in `departments` of the rater's department.
    func group(of rater: Rater) -> Int? {
        switch rater {
        case .participant(let name): return participantIndex[name]
        case .department(let id): return departmentIndex[id]
        }
    }

    func index(of department: String) -> Int? { departmentIndex[department] }
}
