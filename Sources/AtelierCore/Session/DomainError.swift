/// Why a command was refused. Each renders to one localized sentence that
/// names what was wrong and what is accepted.
public enum DomainError: Error, Sendable, Hashable {
    case sessionEnded
    case facilitatorOnly(command: String)
    case invalidDepartmentID(String)
    case departmentExists(String)
    case unknownDepartment(String, known: [String])
    case emptyName
    case invalidName(String)
    case nameTaken(String)
    case nameIsDepartment(String)
    case unknownParticipant(String, known: [String])
    case unknownRater(String, participants: [String], departments: [String])
    case unknownStage(String, known: [String])
    case noNextStage(current: String)
    case noPreviousStage(current: String)
    case alreadyOnStage(String)
    case stageLocked(String)
    case alreadyLocked(String)
    case notLocked(String)
    case alreadyRevealed(String)
    case timerRange(Int, min: Int, max: Int)
    case wrongStageKind(stage: String, expected: StageKind, actual: StageKind)
    case unknownItem(String, stage: String, known: [String])
    case itemRequired(stage: String, known: [String])
    case valueOutOfScale(Int, min: Int, max: Int, stage: String)
    case unknownOption(String, stage: String, known: [String])
    case notYourAnswer(who: String, you: String)
    case notYourDepartment(department: String, yours: String)
    case emptyText
    case textTooLong(max: Int)
    case controlCharacters
    case selfReference(String)
    case alreadyKnows(String, other: String)
    /// `knows DEPT OTHER` while OTHER has declared no strategy: there is nothing to know.
    case noStrategyToKnow(String, other: String)
    case alreadyShares(String, other: String)
    case nothingToUndo
    /// `round` on a stage that takes no answers (only rating and pick stages have rounds).
    case noRoundsHere(stage: String)
    /// `round` before the stage's results were revealed.
    case roundNeedsReveal(String)
    case tooManyRounds(stage: String, max: Int)

    public var message: LocalizedMessage {
        switch self {
        case .sessionEnded:
            return LocalizedMessage("error.session_ended")
        case .facilitatorOnly(let command):
            return LocalizedMessage("error.facilitator_only", ["command": .text(command)])
        case .invalidDepartmentID(let id):
            return LocalizedMessage("error.invalid_department_id", ["department": .text(id)])
        case .departmentExists(let id):
            return LocalizedMessage("error.department_exists", ["department": .text(id)])
        case .unknownDepartment(let id, let known):
            return Self.suggesting(
                "error.unknown_department", id, among: known, ["department": .text(id), "known": Self.known(known)])
        case .emptyName:
            return LocalizedMessage("error.empty_name")
        case .invalidName(let name):
            return LocalizedMessage("error.invalid_name", ["name": .text(name)])
        case .nameTaken(let name):
            return LocalizedMessage("error.name_taken", ["name": .text(name)])
        case .nameIsDepartment(let name):
            return LocalizedMessage("error.name_is_department", ["name": .text(name)])
        case .unknownParticipant(let name, let known):
            return Self.suggesting(
                "error.unknown_participant", name, among: known, ["name": .text(name), "known": Self.known(known)])
        case .unknownRater(let who, let participants, let departments):
            return Self.suggesting(
                "error.unknown_rater", who, among: participants + departments,
                [
                    "who": .text(who), "participants": Self.known(participants),
                    "departments": Self.known(departments),
                ])
        case .unknownStage(let stage, let known):
            return Self.suggesting(
                "error.unknown_stage", stage, among: known, ["stage": .text(stage), "known": .list(known)])
        case .noNextStage(let current):
            return LocalizedMessage("error.no_next_stage", ["stage": .text(current)])
        case .noPreviousStage(let current):
            return LocalizedMessage("error.no_previous_stage", ["stage": .text(current)])
        case .alreadyOnStage(let stage):
            return LocalizedMessage("error.already_on_stage", ["stage": .text(stage)])
        case .stageLocked(let stage):
            return LocalizedMessage("error.stage_locked", ["stage": .text(stage)])
        case .alreadyLocked(let stage):
            return LocalizedMessage("error.already_locked", ["stage": .text(stage)])
        case .notLocked(let stage):
            return LocalizedMessage("error.not_locked", ["stage": .text(stage)])
        case .alreadyRevealed(let stage):
            return LocalizedMessage("error.already_revealed", ["stage": .text(stage)])
        case .timerRange(let minutes, let min, let max):
            return LocalizedMessage(
                "error.timer_range", ["minutes": .count(minutes), "min": .count(min), "max": .count(max)])
        case .wrongStageKind(let stage, let expected, let actual):
            return LocalizedMessage(
                "error.wrong_stage_kind",
                [
                    "stage": .text(stage), "expected": .message(LocalizedMessage("kind.\(expected.rawValue)")),
                    "actual": .message(LocalizedMessage("kind.\(actual.rawValue)")),
                ])
        case .unknownItem(let item, let stage, let known):
            return Self.suggesting(
                "error.unknown_item", item, among: known,
                ["item": .text(item), "stage": .text(stage), "known": .list(known)])
        case .itemRequired(let stage, let known):
            return LocalizedMessage("error.item_required", ["stage": .text(stage), "known": .list(known)])
        case .valueOutOfScale(let value, let min, let max, let stage):
            return LocalizedMessage(
                "error.value_out_of_scale",
                ["value": .count(value), "min": .count(min), "max": .count(max), "stage": .text(stage)])
        case .unknownOption(let option, let stage, let known):
            return Self.suggesting(
                "error.unknown_option", option, among: known,
                ["option": .text(option), "stage": .text(stage), "known": .list(known)])
        case .notYourAnswer(let who, let you):
            return LocalizedMessage("error.not_your_answer", ["who": .text(who), "name": .text(you)])
        case .notYourDepartment(let department, let yours):
            return LocalizedMessage(
                "error.not_your_department", ["department": .text(department), "yours": .text(yours)])
        case .emptyText:
            return LocalizedMessage("error.empty_text")
        case .textTooLong(let max):
            return LocalizedMessage("error.text_too_long", ["max": .count(max)])
        case .controlCharacters:
            return LocalizedMessage("error.control_characters")
        case .selfReference(let department):
            return LocalizedMessage("error.self_reference", ["department": .text(department)])
        case .alreadyKnows(let department, let other):
            return LocalizedMessage("error.already_knows", ["department": .text(department), "other": .text(other)])
        case .noStrategyToKnow(let department, let other):
            return LocalizedMessage(
                "error.no_strategy_to_know", ["department": .text(department), "other": .text(other)])
        case .alreadyShares(let department, let other):
            return LocalizedMessage("error.already_shares", ["department": .text(department), "other": .text(other)])
        case .noRoundsHere(let stage):
            return LocalizedMessage("error.no_rounds_here", ["stage": .text(stage)])
        case .roundNeedsReveal(let stage):
            return LocalizedMessage("error.round_needs_reveal", ["stage": .text(stage)])
        case .tooManyRounds(let stage, let max):
            return LocalizedMessage("error.too_many_rounds", ["stage": .text(stage), "max": .count(max)])
        case .nothingToUndo:
            return LocalizedMessage("error.nothing_to_undo")
        }
    }

    /// The message `key` about an unknown `typed`, or, when `typed` looks
    /// like a typo of one of `known`, `key_suggest` naming it (`suggestion`).
    static func suggesting(
        _ key: String, _ typed: String, among known: [String], _ arguments: [String: MessageValue]
    ) -> LocalizedMessage {
        guard let suggestion = Suggestion.closest(to: typed, among: known) else {
            return LocalizedMessage(key, arguments)
        }
        return LocalizedMessage(key + "_suggest", arguments.merging(["suggestion": .text(suggestion)]) { $1 })
    }

    /// A list of known ids, or the localized word for "none yet".
    static func known(_ ids: [String]) -> MessageValue {
        ids.isEmpty ? .message(LocalizedMessage("common.none")) : .list(ids)
    }
}
