import AtelierCore
import AtelierNet
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// A request's context: Hummingbird's, plus the peer's address (wrong codes
/// are counted per address, as for terminals).
struct WebContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<WebContext>
    let remoteAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "?"
    }
}

/// The routes of docs/web.md.
struct WebRoutes: Sendable {
    static let cookieName = "atelier_seat"

    let room: WebRoom
    let configuration: WebConfiguration
    let screenKey: String
    let logger: Logger

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: WebGuard(room: room, maxBytes: configuration.maxMessageBytes))
        router.get(RouterPath(PageRoutes.participant)) { request, context in
            try await participantPage(request, context)
        }
        router.post(RouterPath(PageRoutes.join)) { request, context in
            try await join(request, context)
        }
        router.post(RouterPath(PageRoutes.act)) { request, context in
            try await act(request, context)
        }
        router.get(RouterPath(PageRoutes.screen)) { request, context in
            try await screen(request, context)
        }
        for path in [PageRoutes.style, PageRoutes.script, PageRoutes.screenScript] {
            router.get(RouterPath(path)) { _, _ in
                guard let asset = PageAssets.asset(at: path) else { throw WebRefusal.notFound }
                return Response(
                    status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                    body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
            }
        }
        router.ws(
            RouterPath(PageRoutes.socket),
            shouldUpgrade: { request, _ in
                try WebGuard.checkOrigin(request)
                return .upgrade([:])
            },
            onUpgrade: { inbound, outbound, context in
                await participantSocket(inbound, outbound, context)
            })
        router.ws(
            RouterPath(PageRoutes.screenSocket),
            shouldUpgrade: { request, _ in
                try WebGuard.checkOrigin(request)
                guard request.uri.queryParameters.get("key") == screenKey else { throw WebRefusal.screenKey }
                return .upgrade([:])
            },
            onUpgrade: { inbound, outbound, context in
                await screenSocket(inbound, outbound, context)
            })
        return router
    }

    // MARK: - Pages

    private func token(_ request: Request) -> String? {
        guard let value = request.cookies[Self.cookieName]?.value, !value.isEmpty else { return nil }
        return value
    }

    private func locale(_ request: Request) async -> String {
        await room.locale(
            asked: request.uri.queryParameters.get("lang"), accept: request.headers[.acceptLanguage])
    }

    private func participantPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let code = request.uri.queryParameters.get("code").flatMap(JoinCode.normalized) ?? ""
        let reply = await room.page(
            token: token(request), address: context.remoteAddress, locale: await locale(request),
            prefill: JoinPrefill(code: code))
        return respond(reply)
    }

    private func join(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await WebGuard.form(request, maxBytes: configuration.maxMessageBytes)
        let reply = await room.join(
            form, token: token(request), address: context.remoteAddress, locale: await locale(request))
        return respond(reply)
    }

    private func act(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await WebGuard.form(request, maxBytes: configuration.maxMessageBytes)
        let reply = await room.act(
            form, token: token(request), address: context.remoteAddress, locale: await locale(request))
        return respond(reply)
    }

    private func screen(_ request: Request, _ context: WebContext) async throws -> Response {
        guard request.uri.queryParameters.get("key") == screenKey else { throw WebRefusal.screenKey }
        return Self.html(await room.screen(locale: await locale(request)))
    }

    private func respond(_ reply: WebRoom.Reply) -> Response {
        var response =
            reply.seeOther
            ? Response(status: .seeOther, headers: [.location: PageRoutes.participant])
            : Self.html(reply.html)
        if let token = reply.token {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: token, maxAge: configuration.cookieMaxAge,
                    path: PageRoutes.participant, httpOnly: true, sameSite: .strict))
        } else if reply.clearCookie {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: "", maxAge: 0, path: PageRoutes.participant, httpOnly: true,
                    sameSite: .strict))
        }
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - Sockets

    private func participantSocket(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        _ context: WebSocketRouterContext<WebContext>
    ) async {
        let request = context.request
        let address = context.requestContext.remoteAddress
        let locale = await locale(request)
        let token = token(request)
        switch await room.connect(token: token, address: address, locale: locale) {
        case .failure(let refusal):
            try? await outbound.write(.text(refusal.page))
            try? await outbound.close(.unknown(CloseCode.noSeat), reason: nil)
        case .success(let (link, id, messages)):
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await Self.send(messages, to: outbound) }
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: configuration.maxMessageBytes) {
                            guard case .text(let text) = message else { continue }
                            let form = (try? JSONDecoder().decode(WebForm.self, from: Data(text.utf8))) ?? WebForm()
                            _ = await room.act(form, token: token, address: address, locale: locale, socket: id)
                        }
                    } catch {
                        // Too big, or the peer went away: the socket closes.
                    }
                }
                await group.next()
                group.cancelAll()
            }
            await room.disconnected(link, socket: id)
        }
    }

    private func screenSocket(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        _ context: WebSocketRouterContext<WebContext>
    ) async {
        let (id, messages) = await room.openScreen(locale: await locale(context.request))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.send(messages, to: outbound) }
            group.addTask {
                // Nothing is read from the projector; reading notices its close.
                do { for try await _ in inbound.messages(maxSize: configuration.maxMessageBytes) {} } catch {}
            }
            await group.next()
            group.cancelAll()
        }
        await room.closeScreen(id)
    }

    /// Writes the socket's messages until one closes it.
    private static func send(_ messages: AsyncStream<SocketMessage>, to outbound: WebSocketOutboundWriter) async {
        for await message in messages {
            switch message {
            case .page(let html):
                do { try await outbound.write(.text(html)) } catch { return }
            case .close(let code, let page):
                if let page { try? await outbound.write(.text(page)) }
                try? await outbound.close(.unknown(code), reason: nil)
                return
            }
        }
    }
}
