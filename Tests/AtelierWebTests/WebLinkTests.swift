import AtelierNet
import Testing

@testable import AtelierWeb

/// A socket's pages are rendered off the room's actor and may finish in any
/// order: a socket never goes back to a page of an older snapshot.
@Suite struct WebLinkTests {
    func link() -> WebLink {
        WebLink(address: "127.0.0.1", bucket: TokenBucket(), changed: { _ in }, closed: { _, _ in })
    }

    @Test func aPageOfAnOlderSnapshotIsNotSentAfterANewerOne() async {
        let link = link()
        let (id, messages) = link.open()
        var pages = messages.makeAsyncIterator()
        link.send(.page("second"), to: id, ticket: 2)
        link.send(.page("first"), to: id, ticket: 1)
        #expect(await pages.next() == .page("second"))
        link.send(.page("third"), except: nil, ticket: 3)
        link.send(.page("second again"), except: nil, ticket: 2)
        link.send(.page("fourth"), to: id, ticket: 4)
        #expect(await pages.next() == .page("fourth"))
        // A last message (closing) goes through whatever its order.
        link.closeSockets(.close(code: CloseCode.ended, page: nil))
        #expect(await pages.next() == .close(code: CloseCode.ended, page: nil))
        #expect(await pages.next() == nil)
    }

    @Test func eachSocketKeepsItsOwnNewestPage() async {
        let link = link()
        let (one, first) = link.open()
        let (two, second) = link.open()
        var pagesOne = first.makeAsyncIterator()
        var pagesTwo = second.makeAsyncIterator()
        link.send(.page("reply to one"), to: one, ticket: 5)
        link.send(.page("push"), except: one, ticket: 4)
        #expect(await pagesOne.next() == .page("reply to one"))
        #expect(await pagesTwo.next() == .page("push"))
        _ = two
    }
}
