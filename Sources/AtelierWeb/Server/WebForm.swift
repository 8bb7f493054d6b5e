import AtelierCore
import AtelierNet

/// A page's form, posted or sent over the socket as a JSON object of
/// strings: the fields of `PageRoutes.Field`. Unknown fields are ignored.
struct WebForm: Decodable, Sendable, Equatable {
    var op: String?
    var code: String?
    var name: String?
    var department: String?
    var lang: String?
    var item: String?
    var value: String?
    var option: String?
    var text: String?
    var other: String?

    init(
        op: String? = nil, code: String? = nil, name: String? = nil, department: String? = nil, lang: String? = nil,
        item: String? = nil, value: String? = nil, option: String? = nil, text: String? = nil, other: String? = nil
    ) {
        self.op = op
        self.code = code
        self.name = name
        self.department = department
        self.lang = lang
        self.item = item
        self.value = value
        self.option = option
        self.text = text
        self.other = other
    }

    /// Why a form makes no participant request; each is the line
    /// protocol's sentence for the same mistake.
    enum Problem: Error, Equatable {
        case request(RequestProblem)
        case notText

        func sentence(_ catalog: Catalog) -> String {
            switch self {
            case .request(let problem): return RoomDoor.describe(problem, catalog)
            case .notText: return catalog.text("net.not_text")
            }
        }
    }

    /// The participant request the form makes: the same request as the line
    /// the line protocol would read (docs/web.md), the seat filled in later
    /// by the room as for a terminal. No form can name another participant
    /// or department, nor make a facilitator's command.
    func request() -> Result<ParticipantRequest, Problem> {
        let fields = [op, item, value, option, text, other, lang].compactMap(\.self)
        guard fields.allSatisfy(Self.isPlainText) else { return .failure(.notText) }
        let verb = (op ?? "").trimmingSpaces.lowercased()
        func word(_ field: String?) -> String? {
            guard let field = field?.trimmingSpaces, !field.isEmpty, !field.contains(where: { $0 == " " || $0 == "\t" })
            else { return nil }
            return field
        }
        func words(_ field: String?) -> String? {
            guard let field = field?.trimmingSpaces, !field.isEmpty else { return nil }
            return field
        }
        let usage = Result<ParticipantRequest, Problem>.failure(.request(.usage(verb)))
        switch PageRoutes.Op(rawValue: verb) {
        case .rate:
            guard let item = word(item), let value = word(value) else { return usage }
            guard let number = Int(value) else { return .failure(.request(.notANumber(value))) }
            return .success(.rate(who: nil, item: item, value: number))
        case .pick:
            guard let option = word(option) else { return usage }
            return .success(.pick(who: nil, option: option))
        case .strategy:
            guard let text = words(text) else { return usage }
            return .success(.strategy(text: text))
        case .knows:
            guard let other = word(other) else { return usage }
            return .success(.knows(department: nil, other: other))
        case .shares:
            guard let other = word(other) else { return usage }
            return .success(.shares(department: nil, other: other))
        case .note:
            guard let text = words(text) else { return usage }
            return .success(.note(text: text))
        case .locale:
            guard let lang = word(lang) else { return usage }
            return .success(.locale(lang.lowercased()))
        case .quit:
            return .success(.quit)
        case nil:
            if RequestParser.facilitatorCommands.contains(verb) { return .failure(.request(.facilitatorOnly(verb))) }
            return .failure(.request(.unknownCommand(verb)))
        }
    }

    /// Plain text on one line, as everywhere else (`PlainText`): no control
    /// character but the tab, no line break, no direction override.
    static func isPlainText(_ text: String) -> Bool { PlainText.isPlain(text) }
}
