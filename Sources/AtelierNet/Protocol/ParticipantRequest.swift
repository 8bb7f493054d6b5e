import AtelierREPL

/// A line a participant sent, understood. Which participant and department
/// it speaks for is filled in by the server from the connection's seat.
public enum ParticipantRequest: Sendable, Hashable {
    case join(code: String, name: String, department: String, locale: String?)
    case resume(token: String)
    /// `who` is set only when the participant named someone (the
    /// facilitator's form `rate WHO ITEM VALUE`); the session refuses it
    /// unless it is the participant.
    case rate(who: String?, item: String?, value: Int)
    case pick(who: String?, option: String)
    case strategy(text: String)
    /// `department` is set only in the form `knows DEPT OTHER`.
    case knows(department: String?, other: String)
    case shares(department: String?, other: String)
    case note(text: String)
    case stage
    /// `width`: the columns the tally's bars must fit in (nil: the default).
    case results(width: Int?)
    case whoami
    case locale(String)
    case help
    case quit
}

/// Why a line is not a request.
public enum RequestProblem: Sendable, Hashable, Error {
    case unknownCommand(String)
    case facilitatorOnly(String)
    /// The command exists but its arguments do not fit; the reply shows its usage.
    case usage(String)
    case notANumber(String)
    /// A quote left open, or a backslash at the end of the line.
    case tokens(Tokenizer.Failure)
    /// `join CODE Jean Dupont marketing fr`: the line as it should be written.
    case nameWithSpaces(String)
}
