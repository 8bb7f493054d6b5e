import AtelierNet
import Testing

@testable import AtelierWeb

/// A page's fields make the participant request the line protocol would
/// make of the same line, and nothing else.
@Suite struct WebFormTests {
    @Test func eachOpMakesItsRequest() {
        #expect(
            WebForm(op: "rate", item: "ignore", value: "3").request()
                == .success(.rate(who: nil, item: "ignore", value: 3)))
        #expect(WebForm(op: "pick", option: "denial").request() == .success(.pick(who: nil, option: "denial")))
        #expect(
            WebForm(op: "strategy", text: " We post daily ").request() == .success(.strategy(text: "We post daily")))
        #expect(WebForm(op: "knows", other: "legal").request() == .success(.knows(department: nil, other: "legal")))
        #expect(WebForm(op: "shares", other: "legal").request() == .success(.shares(department: nil, other: "legal")))
        #expect(WebForm(op: "note", text: "<script>").request() == .success(.note(text: "<script>")))
        #expect(WebForm(op: "locale", lang: "FR").request() == .success(.locale("fr")))
        #expect(WebForm(op: "QUIT").request() == .success(.quit))
    }

    @Test func whatDoesNotFitGetsTheLineProtocolsProblem() {
        #expect(WebForm(op: "rate", item: "ignore").request() == .failure(.request(.usage("rate"))))
        #expect(WebForm(op: "rate", item: "bob ignore", value: "3").request() == .failure(.request(.usage("rate"))))
        #expect(WebForm(op: "rate", item: "ignore", value: "lots").request() == .failure(.request(.notANumber("lots"))))
        #expect(WebForm(op: "note", text: "   ").request() == .failure(.request(.usage("note"))))
        #expect(WebForm(op: "reveal").request() == .failure(.request(.facilitatorOnly("reveal"))))
        #expect(WebForm(op: "dance").request() == .failure(.request(.unknownCommand("dance"))))
        #expect(WebForm().request() == .failure(.request(.unknownCommand(""))))
        #expect(WebForm(op: "note", text: "a\u{202E}b").request() == .failure(.notText))
        #expect(WebForm(op: "note", text: "a\r\nb").request() == .failure(.notText))
    }
}
