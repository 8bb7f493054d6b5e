import AtelierCore

/// What the page renderers read: plain values the server gathers from the
/// room. The renderers decide nothing and read no clock; they turn these into
/// escaped HTML with the words of `locales/`.

/// The session as the pages show it at one moment.
public struct RoomSnapshot: Sendable {
    public let state: SessionState
    /// The analysis of `state` when the pages need one (the current stage is
    /// revealed, or the session ended); nil otherwise. `RoomSnapshot(state:now:paused:)`
    /// computes it only then, so a push to many pages computes it once.
    public let analysis: Analysis?
    /// The server's clock when the page is rendered (milliseconds since 1970),
    /// for the countdown: the script counts down from `timer.end - now`.
    public let now: Timestamp
    /// The facilitator left a session that is not over (it may be resumed).
    public let paused: Bool

    public init(state: SessionState, analysis: Analysis?, now: Timestamp, paused: Bool = false) {
        self.state = state
        self.analysis = analysis
        self.now = now
        self.paused = paused
    }

    /// A snapshot with the analysis computed when a page will show it, its
    /// sentences worded in `language` (the page's; default: the session's).
    public init(state: SessionState, now: Timestamp, paused: Bool = false, language: String? = nil) {
        let needed = state.isEnded || state.revealed.contains(state.currentStage)
        self.init(
            state: state, analysis: needed ? Analysis.shown(state, language: language) : nil, now: now, paused: paused)
    }
}

/// A language a reader can switch to: its code and its own name ("Français").
public struct PageLanguage: Sendable, Hashable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The languages of these catalogs, in code order.
    public static func of(_ catalogs: [Catalog]) -> [PageLanguage] {
        catalogs.map { PageLanguage(code: $0.language, name: $0.name) }.sorted { $0.code < $1.code }
    }
}

/// Who the page is for, once seated. Deliberately without the seat's token:
/// a page never holds it (it lives in an HttpOnly cookie).
public struct PageSeat: Sendable, Hashable {
    public let name: String
    public let department: String

    public init(name: String, department: String) {
        self.name = name
        self.department = department
    }
}

/// Why a participant's page no longer takes answers, besides the session's own end.
public enum PageClosing: Sendable, Hashable {
    /// The facilitator removed this participant (`kick`).
    case kicked
    /// The same seat was taken by another connection (another tab or device).
    case replaced
    /// The participant left (`quit`).
    case left
}

/// What the join form shows again after a refusal, so nothing typed is lost.
public struct JoinPrefill: Sendable, Hashable {
    public var code: String
    public var name: String
    public var department: String

    public init(code: String = "", name: String = "", department: String = "") {
        self.code = code
        self.name = name
        self.department = department
    }
}

/// Everything the participant's page (`/`) shows.
public struct ParticipantPageModel: Sendable {
    public let room: RoomSnapshot
    /// The reader's language.
    public let catalog: Catalog
    /// The languages of the fr/en switch.
    public let languages: [PageLanguage]
    /// Nil until joined: the page is then the join form.
    public let seat: PageSeat?
    /// The join form's fields (the code from the QR's `?code=`).
    public let prefill: JoinPrefill
    /// The last refusal, already in the reader's language (the line protocol's sentence).
    public let refusal: String?
    /// A confirmation of the last accepted action, already localized (optional).
    public let confirmation: String?
    public let closing: PageClosing?

    public init(
        room: RoomSnapshot, catalog: Catalog, languages: [PageLanguage], seat: PageSeat?,
        prefill: JoinPrefill = JoinPrefill(), refusal: String? = nil, confirmation: String? = nil,
        closing: PageClosing? = nil
    ) {
        self.room = room
        self.catalog = catalog
        self.languages = languages
        self.seat = seat
        self.prefill = prefill
        self.refusal = refusal
        self.confirmation = confirmation
        self.closing = closing
    }
}

/// Everything the projector's page (`/screen`) shows. It names no participant
/// and never holds a token or the screen key.
public struct ProjectorPageModel: Sendable {
    public let room: RoomSnapshot
    /// The facilitator's language (or the one chosen with `?lang=`).
    public let catalog: Catalog
    /// The join URL the QR code holds (`http://ADDRESS:PORT/?code=CODE`).
    public let joinURL: String
    public let code: String
    /// The QR code of `joinURL` (the page draws it as SVG with its quiet zone);
    /// nil when none could be made.
    public let qr: QRMatrix?

    public init(room: RoomSnapshot, catalog: Catalog, joinURL: String, code: String, qr: QRMatrix?) {
        self.room = room
        self.catalog = catalog
        self.joinURL = joinURL
        self.code = code
        self.qr = qr
    }
}
