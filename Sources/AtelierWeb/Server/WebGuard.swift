import AtelierCore
import Hummingbird

/// Why a request is refused before it reaches the room; each has its
/// status and its localized sentence, and changes nothing.
enum WebRefusal: Error, Sendable {
    /// A POST or a socket from another site (or with no `Origin`).
    case origin
    /// `/screen` without the facilitator's key.
    case screenKey
    case tooLarge
    case notFound
}

/// Around every route: refuses cross-site POSTs, turns every refusal into a
/// one-sentence page in the reader's language, and sets the security headers
/// on every response (docs/web.md).
struct WebGuard: RouterMiddleware {
    typealias Context = WebContext

    let room: WebRoom
    let maxBytes: Int

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        .init("Referrer-Policy")!: "same-origin",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            if request.method == .post { try Self.checkOrigin(request) }
            response = try await next(request, context)
        } catch {
            response = await refusal(error, request)
        }
        response.headers.append(contentsOf: Self.securityHeaders)
        return response
    }

    /// A POST or a socket must come from a page of this server: its
    /// `Origin` is `http://` and the `Host` it was sent to.
    static func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin], let host = request.head.authority, origin == "http://" + host
        else { throw WebRefusal.origin }
    }

    private func refusal(_ error: any Error, _ request: Request) async -> Response {
        let locale = await room.locale(
            asked: request.uri.queryParameters.get("lang"), accept: request.headers[.acceptLanguage])
        let catalog = await room.catalog(locale)
        let status: HTTPResponse.Status
        let sentence: String
        switch (error as? WebRefusal) ?? Self.refusal(of: error) {
        case .origin:
            (status, sentence) = (.forbidden, catalog.text("web.http.origin"))
        case .screenKey:
            (status, sentence) = (.forbidden, catalog.text("web.http.screen_key"))
        case .tooLarge:
            (status, sentence) = (.contentTooLarge, catalog.text("web.http.too_large", ["max": .count(maxBytes)]))
        case .notFound:
            (status, sentence) = (
                .notFound, catalog.text("web.http.not_found", ["path": .text(PageRoutes.participant)])
            )
        }
        return Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: sentence + "\n")))
    }

    private static func refusal(of error: any Error) -> WebRefusal {
        guard let error = error as? HTTPError else { return .notFound }
        return error.status == .contentTooLarge ? .tooLarge : .notFound
    }

    /// The form in the request's body, at most `maxBytes` long (else `.tooLarge`).
    static func form(_ request: Request, maxBytes: Int) async throws -> WebForm {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBytes)
        } catch {
            throw WebRefusal.tooLarge
        }
        return (try? URLEncodedFormDecoder().decode(WebForm.self, from: String(buffer: body))) ?? WebForm()
    }
}
