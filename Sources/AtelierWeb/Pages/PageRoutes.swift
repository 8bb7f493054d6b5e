/// The paths and form fields the pages use; the server routes the same ones
/// (docs/web.md). A form posts its fields; with the script, the same fields
/// go over the WebSocket as one JSON object of strings.
public enum PageRoutes {
    /// GET: the participant's page (`?code=` prefills the join form, `?lang=` picks the language).
    public static let participant = "/"
    /// POST `code`, `name`, `department`, `lang`: sets the seat cookie, answers with the page.
    public static let join = "/join"
    /// POST `op` and its fields (see `Field`): one participant request.
    public static let act = "/act"
    /// The participant's WebSocket (the seat comes from the cookie).
    public static let socket = "/ws"
    /// GET `?key=`: the projector's page.
    public static let screen = "/screen"
    /// The projector's WebSocket (`?key=` too).
    public static let screenSocket = "/screen/ws"
    public static let style = "/style.css"
    public static let script = "/app.js"
    public static let screenScript = "/screen.js"

    /// The values of the `op` field of `/act`, one per participant request a page sends.
    public enum Op: String, Sendable, CaseIterable {
        /// `item`, `value`
        case rate
        /// `option`
        case pick
        /// `text`
        case strategy
        /// `other`
        case knows
        /// `other`
        case shares
        /// `text`
        case note
        /// `lang`
        case locale
        case quit
    }

    /// The form fields' names.
    public enum Field {
        public static let op = "op"
        public static let code = "code"
        public static let name = "name"
        public static let department = "department"
        public static let lang = "lang"
        public static let item = "item"
        public static let value = "value"
        public static let option = "option"
        public static let text = "text"
        public static let other = "other"
    }
}
