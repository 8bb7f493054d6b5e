import NIOCore
import NIOPosix
import Synchronization

/// A TCP relay on 127.0.0.1 in front of the server, whose connections the
/// test can cut as a failing network would, without the server knowing why.
final class CuttableProxy: Sendable {
    let port: Int
    private let server: any Channel
    private let open = Mutex<[any Channel]>([])

    private init(port: Int, server: any Channel) {
        self.port = port
        self.server = server
    }

    static func start(to target: Int) async throws -> CuttableProxy {
        let box = Mutex<CuttableProxy?>(nil)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { inbound in
                ClientBootstrap(group: inbound.eventLoop).connect(host: "127.0.0.1", port: target).flatMap { outbound in
                    box.withLock { $0?.open.withLock { $0 += [inbound, outbound] } }
                    return inbound.eventLoop.makeCompletedFuture {
                        try inbound.pipeline.syncOperations.addHandler(Relay(to: outbound))
                        try outbound.pipeline.syncOperations.addHandler(Relay(to: inbound))
                    }
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let proxy = CuttableProxy(port: server.localAddress?.port ?? 0, server: server)
        box.withLock { $0 = proxy }
        return proxy
    }

    /// Closes every relayed connection on both sides.
    func cut() {
        for channel in open.withLock({ channels in
            defer { channels = [] }
            return channels
        }) {
            channel.close(promise: nil)
        }
    }

    func stop() {
        cut()
        server.close(promise: nil)
    }

    private final class Relay: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let peer: any Channel

        init(to peer: any Channel) { self.peer = peer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            peer.close(promise: nil)
        }
    }
}
